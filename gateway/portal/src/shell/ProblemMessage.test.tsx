import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/http';
import { ProblemMessage } from './ProblemMessage';

describe('ProblemMessage', () => {
  it('showsDetailFieldErrorsAndRequestId_forAProblemDetail', () => {
    const error = new ApiProblem({
      status: 400,
      title: 'Bad Request',
      detail: 'The draft has 2 errors',
      errors: [{ field: 'competencies[0].code', message: 'must be unique' }],
      requestId: 'abc-123',
    });

    render(<ProblemMessage error={error} />);

    expect(screen.getByRole('alert')).toHaveTextContent('The request was not accepted.');
    expect(screen.getByText('The draft has 2 errors')).toBeInTheDocument();
    expect(screen.getByText('must be unique')).toBeInTheDocument();
    expect(screen.getByText('competencies[0].code:')).toBeInTheDocument();
    expect(screen.getByText('abc-123')).toBeInTheDocument();
  });

  it('saysTheServiceIsUnavailable_whenStatusIs503WithoutDetail', () => {
    render(<ProblemMessage error={new ApiProblem({ status: 503, requestId: 'r1' })} />);

    expect(screen.getByRole('alert')).toHaveTextContent('The service is not available right now.');
  });

  it('saysSomethingWentWrong_whenErrorIsNotAProblem', () => {
    render(<ProblemMessage error={new Error('boom')} />);

    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong.');
  });
});
