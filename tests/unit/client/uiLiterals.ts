import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Finds words the explorer shows that do not come from the message catalogues: JSX text, and
 * string literals (or template text) in user-visible attributes and in expressions rendered as
 * children, unless they are arguments of a call (t('key'), names.join(', ')) or one side of a
 * comparison (panel === 'graph', 'ratings' in node). A literal without a letter (a symbol, a number, punctuation) is
 * no word and passes; so does an entry of ALLOWED.
 */

/** Attributes whose value a user reads or hears (ARIA, tooltips, placeholders, and our components' label props). */
export const USER_VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-roledescription',
  'aria-valuetext',
  'aria-description',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'caption',
]);

/** Strings with letters that are not words of a language: none so far. Keep it short and say why for each. */
export const ALLOWED = new Set<string>([]);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const hasWord = (s: string) => /\p{L}/u.test(s) && !ALLOWED.has(s.trim());

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.InKeyword,
]);

const isJsx = (n: ts.Node) => ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n);

/** The literals with words in an expression that is shown as it is. */
function literalsIn(expr: ts.Node, out: ts.Node[]): void {
  if (isJsx(expr)) return; // visited on its own
  if (ts.isCallExpression(expr) || ts.isNewExpression(expr)) {
    // The callee may be a chain holding a shown literal (`a ? 'x' : 'y'`).toUpperCase() is not our style; arguments are not shown as such.
    literalsIn(expr.expression, out);
    return;
  }
  if (ts.isBinaryExpression(expr) && COMPARISONS.has(expr.operatorToken.kind)) return;
  if (ts.isElementAccessExpression(expr)) {
    literalsIn(expr.expression, out);
    return;
  }
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
    if (hasWord(expr.text)) out.push(expr);
    return;
  }
  if (ts.isTemplateExpression(expr)) {
    if (hasWord(expr.head.text) || expr.templateSpans.some((s) => hasWord(s.literal.text))) out.push(expr);
    for (const span of expr.templateSpans) literalsIn(span.expression, out);
    return;
  }
  ts.forEachChild(expr, (c) => literalsIn(c, out));
}

/** The untranslated words in one source text. */
export function findUntranslated(fileName: string, text: string): Finding[] {
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (hasWord(node.text)) found.push(node);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(source);
      if (USER_VISIBLE_ATTRIBUTES.has(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) {
          if (hasWord(node.initializer.text)) found.push(node.initializer);
        } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) {
          literalsIn(node.initializer.expression, found);
        }
      }
      // Other attributes (className, data-testid, value, style…) are not read by users; JSX inside them is still visited.
      if (node.initializer) ts.forEachChild(node.initializer, visitJsxOnly);
      return;
    } else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      node.parent &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      literalsIn(node.expression, found);
    } else if (ts.isCallExpression(node) && /^(window\.)?(alert|confirm|prompt)$/.test(node.expression.getText(source))) {
      const first = node.arguments[0];
      if (first) literalsIn(first, found);
    }
    ts.forEachChild(node, visit);
  };
  /** Inside a non-visible attribute: only JSX elements (and what they contain) count. */
  const visitJsxOnly = (node: ts.Node): void => {
    if (isJsx(node)) visit(node);
    else ts.forEachChild(node, visitJsxOnly);
  };
  visit(source);
  return found.map((n) => ({
    file: fileName,
    line: source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1,
    text: n.getText(source).trim().slice(0, 80),
  }));
}

/** Every .ts and .tsx file under `dir`, but the folders given (relative names). */
export function sourceFiles(dir: string, skip: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (skip.includes(relative(dir, p))) continue;
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

export const scanFiles = (files: readonly string[], root: string): Finding[] =>
  files.flatMap((f) => findUntranslated(relative(root, f), readFileSync(f, 'utf8')));
