// The article form's workflow helpers: copying a preview link, and one save
// at a time.
"use strict";

// "Copy preview link": the signed link goes to the clipboard.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".copy-preview-link");
  if (!button) {
    return;
  }
  const input = document.getElementById(button.dataset.copyTarget);
  input.select();
  const done = () => {
    button.textContent = button.dataset.copiedLabel;
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(done, () => {});
  } else if (document.execCommand("copy")) {
    // Plain-HTTP development servers have no clipboard API.
    done();
  }
});

// A second click on Save while the first is on its way would arrive with the
// version the first one replaces, and be refused as someone else's edit.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.id !== "article_form") {
    return;
  }
  if (form.dataset.submitted) {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "true";
});

// Coming back with the browser's Back button restores the page as it was left.
window.addEventListener("pageshow", () => {
  const form = document.getElementById("article_form");
  if (form) {
    delete form.dataset.submitted;
  }
});
