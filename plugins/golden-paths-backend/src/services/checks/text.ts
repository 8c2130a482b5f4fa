/** "a", "a and b", "a, b and c". */
export function joinWithAnd(items: ReadonlyArray<string>): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Up to `max` items and how many more there are: "a, b, c and 4 more". */
export function listSome(items: ReadonlyArray<string>, max = 3): string {
  if (items.length <= max) {
    return joinWithAnd(items);
  }
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** "1 container", "2 containers". */
export function countOf(count: number, noun: string, pluralNoun = `${noun}s`) {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
