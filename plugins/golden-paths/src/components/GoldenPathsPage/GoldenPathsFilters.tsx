import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import type { ChangeEvent } from 'react';
import {
  type Facet,
  FACETS,
  type FacetOption,
  hasFilters,
  type PathsQuery,
  SORT_LABELS,
  type SortOrder,
} from './pathsQuery';
import { SearchField } from './SearchField';

const useStyles = makeStyles(theme => ({
  root: {
    paddingRight: theme.spacing(2),
  },
  clear: {
    marginTop: theme.spacing(1),
  },
}));

const FACET_LABELS: Record<Facet, string> = {
  category: 'Category',
  lifecycle: 'Lifecycle',
  owner: 'Owner',
  guarantee: 'Guarantees',
};

const FACET_HELP: Partial<Record<Facet, string>> = {
  guarantee: 'Paths that promise all of them',
};

function FacetSelect(props: {
  facet: Facet;
  options: FacetOption[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const { facet, options, selected, onChange } = props;
  const labels = new Map(options.map(o => [o.value, o.label]));
  return (
    <TextField
      select
      fullWidth
      margin="dense"
      variant="outlined"
      id={`golden-paths-filter-${facet}`}
      label={FACET_LABELS[facet]}
      helperText={FACET_HELP[facet]}
      value={selected}
      InputLabelProps={{ shrink: true }}
      SelectProps={{
        multiple: true,
        displayEmpty: true,
        renderValue: value => {
          const values = value as string[];
          return values.length === 0
            ? 'All'
            : values.map(v => labels.get(v) ?? v).join(', ');
        },
      }}
      onChange={(event: ChangeEvent<{ value: unknown }>) =>
        onChange(event.target.value as string[])
      }
    >
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label} ({option.count})
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Search, filters and order of the Golden Paths page. */
export function GoldenPathsFilters(props: {
  query: PathsQuery;
  options: Record<Facet, FacetOption[]>;
  sort: SortOrder;
  sortOrders: SortOrder[];
  onSearch: (q: string) => void;
  onChange: (patch: Partial<PathsQuery>) => void;
  onClear: () => void;
}) {
  const { query, options, sort, sortOrders, onSearch, onChange, onClear } =
    props;
  const classes = useStyles();
  return (
    <section aria-label="Filter golden paths" className={classes.root}>
      <SearchField value={query.q} onChange={onSearch} />
      {FACETS.map(facet => (
        <FacetSelect
          key={facet}
          facet={facet}
          options={options[facet]}
          selected={query[facet]}
          onChange={values => onChange({ [facet]: values })}
        />
      ))}
      <TextField
        select
        fullWidth
        margin="dense"
        variant="outlined"
        id="golden-paths-sort"
        label="Sort by"
        value={sort}
        onChange={event => onChange({ sort: event.target.value as SortOrder })}
      >
        {sortOrders.map(order => (
          <MenuItem key={order} value={order}>
            {SORT_LABELS[order]}
          </MenuItem>
        ))}
      </TextField>
      <Button
        className={classes.clear}
        size="small"
        onClick={onClear}
        disabled={!hasFilters(query)}
      >
        Clear filters
      </Button>
    </section>
  );
}
