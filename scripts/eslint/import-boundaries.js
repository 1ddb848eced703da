/**
 * The folders' boundaries, judged on where an import really leads: a relative path is resolved against
 * the importing file (so `./../rules/x` is caught like `../rules/x`), and static imports, re-exports and
 * `import()` are all judged. Each zone says what its files may import: `allow` (only these folders) or
 * `deny` (anything but these folders), and which packages (`packages`: only these; `denyPackages`).
 */
import { dirname, relative, resolve, sep } from 'node:path';

const inside = (file, folder) => file === folder || file.startsWith(`${folder}/`);
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder of src/ imports only what its zone allows.' },
    schema: [{
      type: 'object',
      properties: { zones: { type: 'array' } },
      required: ['zones'],
      additionalProperties: false,
    }],
    messages: { forbidden: '{{spec}}: {{message}}' },
  },
  create(context) {
    const cwd = context.cwd;
    const self = relative(cwd, context.filename).split(sep).join('/');
    const zone = context.options[0].zones.find((z) => inside(self, z.from));
    if (!zone) return {};
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') {
        // import(variable): where it leads cannot be judged, so it is not allowed in a bounded folder.
        if (node.type === 'ImportExpression') context.report({ node, messageId: 'forbidden', data: { spec: 'import(…)', message: zone.message } });
        return;
      }
      const spec = source.value;
      let ok;
      if (spec.startsWith('.')) {
        const target = relative(cwd, resolve(dirname(context.filename), spec)).split(sep).join('/');
        ok = zone.allow ? zone.allow.some((f) => inside(target, f)) : !zone.deny.some((f) => inside(target, f));
      } else {
        const name = packageOf(spec);
        ok = zone.packages ? zone.packages.includes(name) : !(zone.denyPackages ?? []).includes(name);
      }
      if (!ok) context.report({ node: source, messageId: 'forbidden', data: { spec, message: zone.message } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
