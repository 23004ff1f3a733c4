// Starts GOV.UK Frontend's components (error summary focus, password reveal, navigation toggle, ...).
import { initAll } from "/lib/govuk/govuk-frontend.min.js";

initAll();
