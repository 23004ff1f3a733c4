// Passkey ceremonies (WebAuthn) for the sign-in and two-factor pages. A button with data-passkey="create" or "get"
// fetches its options from data-passkey-options (a POST with the form's anti-forgery token), asks the browser for
// a credential, and posts it back in its form's CredentialJson field. Without WebAuthn the button (and its
// [data-passkey-section]) stays hidden and the form's [data-passkey-unsupported] note stays visible.
const supported = "PublicKeyCredential" in window
  && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
  && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

async function fetchOptions(url, form) {
  const token = form.querySelector("input[name='__RequestVerificationToken']").value;
  const response = await fetch(url, { method: "POST", headers: { RequestVerificationToken: token }, credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(`Passkey options: ${response.status}`);
  }
  return response.json();
}

async function ceremony(button, form) {
  const options = await fetchOptions(button.dataset.passkeyOptions, form);
  if (button.dataset.passkey === "create") {
    return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
  }
  return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
}

for (const button of document.querySelectorAll("[data-passkey]")) {
  const form = button.closest("form");
  if (!supported || !form) {
    continue;
  }

  button.hidden = false;
  const section = button.closest("[data-passkey-section]");
  if (section) {
    section.hidden = false;
  }
  form.querySelector("[data-passkey-unsupported]")?.remove();
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const credential = await ceremony(button, form);
      form.elements.CredentialJson.value = JSON.stringify(credential);
    } catch (error) {
      // The server explains what went wrong in the page's error summary.
      form.elements.PasskeyError.value = error?.name ?? "Error";
    }
    form.submit();
  });
}
