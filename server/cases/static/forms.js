// Sends the dashboard's POST forms as JSON: the server's request limits accept only JSON bodies.
// The server answers {"redirect": url}; the flash message waits on that page.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
  event.preventDefault();
  for (const button of form.querySelectorAll('button')) button.disabled = true;
  let target = null;
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(Object.fromEntries(new FormData(form))),
    });
    target = (await response.json()).redirect;
  } catch (err) {
    target = null;
  }
  window.location.assign(target || window.location.href);
});
