import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CreateIcon from '@material-ui/icons/Create';
import { Link as RouterLink } from 'react-router-dom';
import { useGoldenPaths } from '../../hooks';
import { editorRouteRef } from '../../routes';
import { GoldenPathsBrowser } from './GoldenPathsBrowser';
import { InsightsUnavailable } from './InsightsUnavailable';

function PageBody() {
  const editorLink = useRouteRef(editorRouteRef)();
  const { loading, error, items, insightsError, retry } = useGoldenPaths();

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <>
        <ResponseErrorPanel
          error={error}
          title="Could not read the golden paths from the catalog"
        />
        <Box mt={2}>
          <Button variant="outlined" onClick={retry}>
            Retry
          </Button>
        </Box>
      </>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No golden paths yet"
        description="A golden path is a GoldenPath entity in the catalog. Write one, register it, and it shows here for every developer to follow."
        action={
          <Button
            component={RouterLink}
            to={editorLink}
            variant="contained"
            color="primary"
          >
            How to write a GoldenPath
          </Button>
        }
      />
    );
  }
  return (
    <>
      {insightsError && (
        <Box mb={2}>
          <InsightsUnavailable error={insightsError} />
        </Box>
      )}
      <GoldenPathsBrowser items={items} showFigures={!insightsError} />
    </>
  );
}

/**
 * The Golden Paths page: every path in the catalog with its stack,
 * guarantees, adoption and compliance, to compare and start one.
 */
export function GoldenPathsPage() {
  const editorLink = useRouteRef(editorRouteRef)();
  return (
    <Page themeId="home">
      <Header
        title="Golden Paths"
        subtitle="Supported ways to build and run software on the platform: the tooling is decided, and every service that follows a path is checked against its guarantees."
      />
      <Content>
        <ContentHeader title="Browse paths">
          <Button
            component={RouterLink}
            to={editorLink}
            variant="contained"
            color="primary"
            startIcon={<CreateIcon />}
          >
            Write a golden path
          </Button>
          <SupportButton>
            Compare the paths by category, lifecycle, stack and guarantees, then
            press Start to scaffold a new component on one. Figures count the
            components that follow each path and how many of them meet all of
            its guarantees.
          </SupportButton>
        </ContentHeader>
        <PageBody />
      </Content>
    </Page>
  );
}
