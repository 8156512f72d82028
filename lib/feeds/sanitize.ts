import sanitizeHtml from "sanitize-html";

/**
 * Ticket bodies are HTML written elsewhere (a call-centre's editor, an integrator). They are
 * sanitised when written and again before the console renders them: formatting, links and
 * images survive; scripts, event handlers, styles, iframes and javascript: URLs do not.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "span", "u", "s", "del", "ins", "font"],
  allowedAttributes: {
    a: ["href", "name", "target", "title", "rel"],
    img: ["src", "alt", "title", "width", "height"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
  },
};

export function sanitizeTicketHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
