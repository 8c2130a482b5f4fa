import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  Header,
  HeaderLabel,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  GOLDEN_PATH_KIND,
  type GoldenPathEntityV1alpha1,
  isGoldenPathEntity,
} from '@golden-paths/golden-paths-common';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { rootRouteRef } from '../../routes';
import { GoldenPathContent } from './GoldenPathContent';
import { GoldenPathNotFound } from './GoldenPathNotFound';

/** The GoldenPath entity of the page's address; undefined when there is none. */
function usePathEntity(namespace: string, name: string) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const entity = await catalogApi.getEntityByRef(
      stringifyEntityRef({ kind: GOLDEN_PATH_KIND, namespace, name }),
    );
    return entity && isGoldenPathEntity(entity) ? entity : undefined;
  }, [catalogApi, namespace, name]);
}

function PathHeader(props: {
  title: string;
  entity?: GoldenPathEntityV1alpha1;
}) {
  const { entity } = props;
  const rootLink = useRouteRef(rootRouteRef);
  return (
    <Header
      title={props.title}
      subtitle={entity?.metadata.description}
      type="Golden path"
      typeLink={rootLink()}
    >
      {entity && (
        <>
          <HeaderLabel
            label="Owner"
            value={
              <EntityRefLink
                entityRef={entity.spec.owner}
                defaultKind="group"
                color="inherit"
              />
            }
          />
          <HeaderLabel label="Lifecycle" value={entity.spec.lifecycle} />
          <HeaderLabel label="Version" value={entity.spec.version} />
        </>
      )}
    </Header>
  );
}

/**
 * One golden path's page, at `/golden-paths/:namespace/:name`: what the
 * catalog says about it and what the backend measured.
 */
export function GoldenPathPage() {
  const { namespace = 'default', name = '' } = useParams();
  const { loading, error, value: entity } = usePathEntity(namespace, name);

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <ResponseErrorPanel error={error} title="Could not read the catalog" />
    );
  } else if (!entity) {
    content = <GoldenPathNotFound namespace={namespace} name={name} />;
  } else {
    content = <GoldenPathContent entity={entity} variant="page" />;
  }
  return (
    <Page themeId="tool">
      <PathHeader
        title={entity?.metadata.title ?? entity?.metadata.name ?? name}
        entity={entity}
      />
      <Content>{content}</Content>
    </Page>
  );
}
