import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'

export const APP_NAME = 'Provena Datastore Console'

/** The explicit route table; every view is its own lazy chunk. */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'datasets' } },
  {
    path: '/datasets',
    name: 'datasets',
    component: () => import('@/views/DatasetListView.vue'),
    meta: { title: 'Datasets' },
  },
  {
    path: '/register',
    name: 'register-dataset',
    component: () => import('@/views/RegisterDatasetView.vue'),
    meta: { title: 'Register dataset' },
  },
  {
    path: '/approvals',
    name: 'approvals',
    component: () => import('@/views/ApprovalsView.vue'),
    meta: { title: 'Approvals' },
  },
  {
    path: '/reviewers',
    name: 'reviewers',
    component: () => import('@/views/ReviewersView.vue'),
    meta: { title: 'Reviewers' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { title: 'Page not found' },
  },
]

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
  }
}

export function createConsoleRouter(history = createWebHistory()) {
  const router = createRouter({ history, routes })
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · ${APP_NAME}` : APP_NAME
  })
  return router
}
