import type { CodeLanguage } from '../../../code/language.js';

const CONTROL_WORDS =
  /^\s*(?:if|for|while|switch|catch|with|return|else|do|try|foreach|using|lock|fixed|synchronized|when|match|loop|unsafe|new|await|yield|throw|case|elif|except|select)\b/;

const JS_FUNCTION = [
  /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([\w$]*)\s*[<(]/,
  /^\s*(?:export\s+)?(?:const|let|var)\s+([\w$]+)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|[\w$]+\s*=>)/,
  /^\s*(?:(?:public|private|protected|static|async|override|readonly|get|set)\s+)*(?!(?:if|for|while|switch|catch|function|return)\b)([\w$]+)\s*(?:<[^>]*>)?\s*\([^)]*\)?\s*(?::\s*[^={]+)?\{\s*$/,
];

const JVM_METHOD =
  /^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|protected|internal|static|final|abstract|synchronized|override|open|suspend|virtual|async|sealed|extern|partial)\s+)+(?:fun\s+)?(?:<[^>]+>\s+)?(?:[\w<>[\],.?]+\s+)?(\w+)\s*\(/;

const STARTS: Readonly<Record<CodeLanguage, readonly RegExp[]>> = {
  javascript: JS_FUNCTION,
  typescript: JS_FUNCTION,
  python: [/^\s*(?:async\s+)?def\s+(\w+)\s*\(/],
  go: [/^func\s+(?:\([^)]*\)\s*)?(\w+)\s*[([]/],
  java: [JVM_METHOD],
  kotlin: [
    /^\s*(?:(?:public|private|protected|internal|override|open|suspend|inline|operator|infix|tailrec)\s+)*fun\s+(?:<[^>]+>\s+)?(?:[\w.]+\.)?(\w+)\s*\(/,
  ],
  csharp: [JVM_METHOD],
  ruby: [/^\s*def\s+(?:self\.)?([\w?!=]+)/],
  php: [/^\s*(?:(?:public|private|protected|static|final|abstract)\s+)*function\s+(\w+)\s*\(/],
  rust: [
    /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+"[^"]*"\s+)?fn\s+(\w+)/,
  ],
  elixir: [/^\s*defp?\s+(\w+[?!]?)(?:\([^)]*\))?.*\bdo\s*$/],
};

/** The name of the function declared on this line, or null when the line declares none. */
export function functionStart(text: string, language: CodeLanguage): string | null {
  if (CONTROL_WORDS.test(text)) return null;
  for (const pattern of STARTS[language]) {
    const match = pattern.exec(text);
    if (match) return match[1] || '(anonymous)';
  }
  return null;
}
