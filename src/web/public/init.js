// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/assets/nhsuk-frontend.min.js';

initAll();

// The import form's folder picker, where the browser has one; choosing files (or a zip) works everywhere.
if ('webkitdirectory' in document.createElement('input')) {
  for (const picker of document.querySelectorAll('[data-folder-picker]')) picker.hidden = false;
}
