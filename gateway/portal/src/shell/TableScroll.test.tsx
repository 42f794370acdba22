import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TableScroll } from './TableScroll';

describe('TableScroll', () => {
  it('isANamedRegionTheKeyboardReaches_soAWideTableCanBeScrolledWithoutAPointer', () => {
    render(
      <TableScroll label="Evidence">
        <table>
          <tbody>
            <tr>
              <td>e1</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>,
    );

    const region = screen.getByRole('region', { name: 'Evidence' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toContainElement(screen.getByRole('table'));
  });
});
