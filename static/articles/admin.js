/* Newsroom admin: text direction in the rich-text editor, stale-translation tabs. */
"use strict";

// The editor builds its own editing surface; give it the language and
// direction of the field it edits, for screen readers and spell checking.
document.addEventListener("prose-editor:ready", (event) => {
  const { editor, textarea } = event.detail;
  for (const name of ["lang", "dir"]) {
    if (textarea.hasAttribute(name)) {
      editor.view.dom.setAttribute(name, textarea.getAttribute(name));
    }
  }
});

// modeltranslation builds its tabs in a jQuery ready handler; queued once
// every script has run, this one comes after it. Mark the tab of each
// translation that is out of date, so it shows without opening the tab.
function markStaleTabs() {
  for (const field of document.querySelectorAll(".translation-stale[id]")) {
    const link = document.querySelector(`a[href="#tab_${CSS.escape(field.id)}"]`);
    if (link) {
      link.parentElement.classList.add("translation-stale-tab");
      link.title = `${link.title} ⚠`;
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  if (window.django && window.django.jQuery) {
    window.django.jQuery(markStaleTabs);
  }
});
