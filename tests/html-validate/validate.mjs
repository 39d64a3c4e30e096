// Validates served HTML with html-validate. Input on stdin: a JSON array of { name, html }.
// Output on stdout: a JSON array of { name, messages: [{ rule, message, line, column, selector }] },
// one entry per page that has errors. Used by the browser tests (PageChecks.MarkupErrorsAsync).
import { HtmlValidate } from "html-validate";

// The recommended preset, with only purely stylistic rules switched off: each one below is about
// how valid markup is spelled, never about what a browser or assistive technology makes of it.
const config = {
  extends: ["html-validate:recommended"],
  rules: {
    // `<meta ... />` or `<meta ...>`: both are valid HTML for a void element; Razor views write the first.
    "void-style": "off",
    // `disabled="disabled"` or `disabled`: both are valid; Razor writes the first for a true bool attribute.
    "attribute-boolean-style": "off",
    // Advice on the title's length (search results cut it), not on markup: a publication's page is
    // titled with the paper's own title, which is often longer than 70 characters and must not be cut.
    "long-title": "off",
    // Not switched off, told what HTML allows: checkboxes sharing a name send a list of values
    // (the research interests, an intake's programs), as radios share one to send a single value.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
  },
};

const read = async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
};

const validator = new HtmlValidate(config);
const pages = await read();
const failures = [];
for (const { name, html } of pages) {
  const report = await validator.validateString(html, name);
  const messages = report.results.flatMap((result) => result.messages)
    .filter((m) => m.severity >= 2)
    .map((m) => ({ rule: m.ruleId, message: m.message, line: m.line, column: m.column, selector: m.selector }));
  if (messages.length > 0) failures.push({ name, messages });
}
process.stdout.write(JSON.stringify(failures));
