import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/** How long typing pauses before the URL, and so the list, follow. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The search box. It answers every keystroke from its own state and writes
 * the URL once typing pauses: each URL change re-renders every card.
 */
export function SearchField(props: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { value, onChange } = props;
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The URL changed elsewhere (back, forward, "clear filters"): follow it.
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  useDebounce(
    () => {
      if (text !== value) {
        onChange(text);
      }
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );
  return (
    <TextField
      type="search"
      fullWidth
      margin="dense"
      variant="outlined"
      id="golden-paths-search"
      label="Search"
      placeholder="Title, stack, tag…"
      value={text}
      onChange={event => setText(event.target.value)}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        ),
      }}
    />
  );
}
