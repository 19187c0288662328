import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import { useDatasetsStore } from '@/stores/datasets'
import { stateFromQuery } from '@/composables/useDatasetListQuery'
import { useReviewQueueStore } from '@/stores/reviewQueue'
import { viewFromQuery } from '@/composables/useApprovalsQuery'
import { allowedViews } from '@/reviewQueue'
import type { DatasetTab } from '@/datasetRoutes'

export const APP_NAME = 'Provena Datastore Console'

const READ = ['entity-registry-read']
const WRITE = ['entity-registry-read', 'entity-registry-write']

/** The tab of ours that shows what a `view` of Provena's dataset page showed. */
const ANCHOR_VIEWS: Record<string, DatasetTab> = {
  details: 'metadata',
  versioning: 'versions',
  approvals: 'release',
  settings: 'settings',
  download: 'access',
  upload: 'access',
  external: 'access',
}
function anchorTab(view: unknown) {
  const tab = typeof view === 'string' ? ANCHOR_VIEWS[view] : undefined
  return tab ? { tab } : {}
}

/** The explicit route table; every view is its own lazy chunk. */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'datasets' } },
  {
    path: '/datasets',
    name: 'datasets',
    component: () => import('@/views/DatasetListView.vue'),
    meta: { title: 'Datasets', realmRoles: READ },
    // Asked for on entering, so the first page is on its way while the page is built (the page joins this load).
    beforeEnter: (to) => {
      const state = stateFromQuery(to.query)
      if (!state.search) void useDatasetsStore().browse(state)
    },
  },
  {
    // Before the dataset route, which would take "new" for a handle id.
    path: '/datasets/new',
    name: 'register-dataset',
    component: () => import('@/views/DatasetRegisterView.vue'),
    meta: { title: 'Register dataset', realmRoles: WRITE },
  },
  {
    path: '/datasets/:id+/edit',
    name: 'dataset-edit',
    component: () => import('@/views/DatasetEditView.vue'),
    meta: { title: 'Edit metadata', realmRoles: WRITE },
  },
  {
    // Handle ids contain a slash; a repeatable parameter keeps it as a path separator both ways.
    path: '/datasets/:id+',
    name: 'dataset',
    component: () => import('@/views/DatasetView.vue'),
    meta: { title: 'Dataset', realmRoles: READ },
  },
  {
    // Provena's own data store UI links datasets as /dataset/<id>?view=<tab> (also in its approval e-mails).
    path: '/dataset/:id+',
    redirect: (to) => ({ name: 'dataset', params: to.params, query: anchorTab(to.query.view) }),
  },
  { path: '/register', redirect: { name: 'register-dataset' } },
  // More of Provena's own paths, from its approval e-mails and bookmarks.
  { path: '/new_dataset', redirect: { name: 'register-dataset' } },
  { path: '/update-dataset/:id+', redirect: (to) => ({ name: 'dataset-edit', params: to.params, query: {} }) },
  { path: '/clone-dataset/:id+', redirect: (to) => ({ name: 'register-dataset', query: { from: ([] as string[]).concat(to.params.id).join('/') } }) },
  { path: '/approval-action/:id+', redirect: (to) => ({ name: 'approval', params: to.params, query: {} }) },
  { path: '/approval-submission/:id+', redirect: (to) => ({ name: 'dataset', params: to.params, query: { tab: 'release' } }) },
  {
    path: '/approvals',
    name: 'approvals',
    component: () => import('@/views/ApprovalsView.vue'),
    meta: { title: 'Approvals', realmRoles: WRITE },
    // As for the list: with the identity remembered, the queue is asked for before the page is built, and the
    // page's own load finds it under way. Without it the page waits for the registry, as before.
    beforeEnter: (to) => {
      const session = useSessionStore()
      if (!session.identityKnown || !session.personId) return
      void useReviewQueueStore().load(viewFromQuery(to.query, allowedViews(session.isReviewer)), session.personId)
    },
  },
  {
    // A handle id keeps its slash as a path separator, as on the dataset page.
    path: '/approvals/:id+',
    name: 'approval',
    component: () => import('@/views/ApprovalDecisionView.vue'),
    meta: { title: 'Review', realmRoles: WRITE },
  },
  {
    path: '/reviewers',
    name: 'reviewers',
    component: () => import('@/views/ReviewersView.vue'),
    meta: { title: 'Reviewers', realmRoles: WRITE },
  },
  {
    // Any signed-in account, with or without data store roles: it is where one learns which roles one has.
    path: '/profile',
    name: 'profile',
    component: () => import('@/views/ProfileView.vue'),
    meta: { title: 'Profile' },
  },
  {
    path: '/signin',
    name: 'signin',
    component: () => import('@/views/SignInView.vue'),
    meta: { title: 'Sign in', public: true },
  },
  {
    path: '/auth/callback',
    name: 'auth-callback',
    component: () => import('@/views/AuthCallbackView.vue'),
    meta: { title: 'Signing in', public: true },
  },
  {
    path: '/access-needed',
    name: 'access-needed',
    component: () => import('@/views/AccessNeededView.vue'),
    meta: { title: 'More access needed' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { title: 'Page not found', public: true },
  },
]

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** Open without signing in. */
    public?: boolean
    /** Realm roles the page needs, all of them. */
    realmRoles?: string[]
  }
}

/** Signed-in users only on non-public pages; a missing realm role leads to a page that says which. */
export function installGuards(router: Router) {
  router.beforeEach(async (to) => {
    const session = useSessionStore()
    // A public page (not found, sign-in) still shows who is signed in; it does not wait for it.
    if (to.meta.public) {
      void session.ensureLoaded()
      return true
    }
    await session.ensureLoaded()
    if (!session.isAuthenticated) return { name: 'signin', query: { redirect: to.fullPath, ...(session.ended ? { reason: 'expired' } : {}) } }
    const missing = (to.meta.realmRoles ?? []).filter((role) => !session.roles.includes(role))
    if (missing.length) {
      return { name: 'access-needed', query: { page: to.meta.title ?? to.path, roles: missing.join(',') }, replace: true }
    }
    return true
  })
}

export function createConsoleRouter(history = createWebHistory()) {
  const router = createRouter({ history, routes })
  installGuards(router)
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · ${APP_NAME}` : APP_NAME
  })
  return router
}
