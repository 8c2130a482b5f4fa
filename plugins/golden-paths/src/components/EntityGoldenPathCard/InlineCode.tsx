import { Fragment } from 'react';

/**
 * Text with `backticks` as code. Check reasons and fixes name files, fields
 * and commands this way; full Markdown would be too much for one sentence.
 */
export function InlineCode(props: { text: string }) {
  const parts = props.text.split('`');
  // An unmatched backtick stays as it is.
  if (parts.length % 2 === 0) {
    return <>{props.text}</>;
  }
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index}>{part}</code>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
