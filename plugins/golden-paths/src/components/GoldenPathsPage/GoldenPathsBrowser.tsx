import { CatalogFilterLayout } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { GoldenPathListItem } from '../../hooks';
import { GoldenPathGrid } from './GoldenPathGrid';
import { GoldenPathsFilters } from './GoldenPathsFilters';
import {
  facetOptions,
  filterPaths,
  indexPaths,
  type PathsQuery,
  readQuery,
  sortPaths,
  type SortOrder,
  writeQuery,
} from './pathsQuery';
import { countOf } from '../shared/countOf';

const useStyles = makeStyles(theme => ({
  noMatch: {
    padding: theme.spacing(4, 0),
    textAlign: 'center',
  },
}));

const EMPTY_QUERY: Partial<PathsQuery> = {
  q: '',
  category: [],
  lifecycle: [],
  owner: [],
  guarantee: [],
};

/**
 * Search, filters and the cards. The view lives in the URL's query string,
 * so a link reproduces it and back and forward step through it.
 */
export function GoldenPathsBrowser(props: {
  items: GoldenPathListItem[];
  showFigures: boolean;
}) {
  const { items, showFigures } = props;
  const classes = useStyles();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => readQuery(searchParams), [searchParams]);

  const sortOrders: SortOrder[] = showFigures
    ? ['adoption', 'compliance', 'recent', 'name']
    : ['name'];
  const sort =
    query.sort && sortOrders.includes(query.sort) ? query.sort : sortOrders[0];

  const indexed = useMemo(() => indexPaths(items), [items]);
  const titles = useMemo(
    () => new Map(indexed.map(p => [p.item.ref, p.view.title])),
    [indexed],
  );
  const options = useMemo(() => facetOptions(indexed, query), [indexed, query]);
  const shown = useMemo(
    () => sortPaths(filterPaths(indexed, query), sort),
    [indexed, query, sort],
  );

  const change = useCallback(
    (patch: Partial<PathsQuery>) =>
      setSearchParams(params => writeQuery(params, patch)),
    [setSearchParams],
  );
  // One history entry per search, not per pause in typing.
  const search = useCallback(
    (q: string) =>
      setSearchParams(params => writeQuery(params, { q }), { replace: true }),
    [setSearchParams],
  );
  const clear = useCallback(() => change(EMPTY_QUERY), [change]);

  return (
    <CatalogFilterLayout>
      <CatalogFilterLayout.Filters>
        <GoldenPathsFilters
          query={query}
          options={options}
          sort={sort}
          sortOrders={sortOrders}
          onSearch={search}
          onChange={change}
          onClear={clear}
        />
      </CatalogFilterLayout.Filters>
      <CatalogFilterLayout.Content>
        <Typography
          variant="body2"
          color="textSecondary"
          role="status"
          gutterBottom
        >
          {shown.length === items.length
            ? countOf(items.length, 'path')
            : `${shown.length} of ${items.length} paths`}
        </Typography>
        {shown.length === 0 ? (
          <div className={classes.noMatch}>
            <Typography variant="h6" component="p" gutterBottom>
              No path matches these filters
            </Typography>
            <Button variant="outlined" color="primary" onClick={clear}>
              Clear filters
            </Button>
          </div>
        ) : (
          <GoldenPathGrid
            viewKey={searchParams.toString()}
            paths={shown}
            titles={titles}
            showFigures={showFigures}
          />
        )}
      </CatalogFilterLayout.Content>
    </CatalogFilterLayout>
  );
}
