/**
 * Every user-visible string comes from locales/: in a component, text between tags and the attributes a
 * screen reader or the browser shows (aria-label, title, alt, placeholder) may hold no letters of their own.
 * Read from the syntax tree, so a comparison or a class name in an expression is never mistaken for text.
 */
const LETTER = /\p{L}/u;
const SHOWN = new Set(['aria-label', 'title', 'alt', 'placeholder']);

/** The text of a literal or of a template without expressions, else null. */
const staticText = (node) => {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
};

export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text in JSX comes from locales/ (t(...)), never written in a component.' },
    schema: [],
    messages: { literal: 'Text written in a component: "{{text}}". Put it in locales/ and use t().' },
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        // {'Bonjour'} as a child is text like any other; as an attribute's value it is judged below.
        if (node.parent.type === 'JSXAttribute') return;
        const text = staticText(node.expression);
        if (text !== null && LETTER.test(text)) report(node, text);
      },
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier' || !SHOWN.has(node.name.name)) return;
        const value = node.value?.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        const text = staticText(value);
        if (text !== null && LETTER.test(text)) report(node, text);
      },
    };
  },
};
