// Setup for tests of whole pages: lazy pages compile on their first load, which can take seconds on a busy
// machine, and jsdom has no modal dialogs (showModal and close only toggle the open attribute here).
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5000 });

if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}
