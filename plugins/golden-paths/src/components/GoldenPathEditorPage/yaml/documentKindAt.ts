/**
 * The `kind` of the YAML document that holds an offset, when its top level
 * names one.
 */
export function documentKindAt(
  text: string,
  offset: number,
): string | undefined {
  const before = text.slice(0, offset);
  const markers = [...before.matchAll(/^---.*$/gm)];
  const start = markers.length
    ? (markers[markers.length - 1].index ?? 0) +
      markers[markers.length - 1][0].length
    : 0;
  const nextMarker = /^---/m.exec(text.slice(offset));
  const end = nextMarker ? offset + nextMarker.index : text.length;
  const kind = /^kind:[ \t]*["']?([^\s"'#]+)/m.exec(text.slice(start, end));
  return kind?.[1];
}
