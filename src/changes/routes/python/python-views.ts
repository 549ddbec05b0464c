import type { LinkInput } from '../route-family.js';
import type { PythonExtraAction, PythonFacts } from './python-facts.js';
import { lastName, ownEntry, type Place, type PlaceResolver } from './python-places.js';

/** The actions REST framework's own classes give a viewset that extends them. */
const FRAMEWORK_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  ModelViewSet: ['list', 'create', 'retrieve', 'update', 'partial_update', 'destroy'],
  ReadOnlyModelViewSet: ['list', 'retrieve'],
  ListModelMixin: ['list'],
  CreateModelMixin: ['create'],
  RetrieveModelMixin: ['retrieve'],
  UpdateModelMixin: ['update', 'partial_update'],
  DestroyModelMixin: ['destroy'],
  GenericViewSet: [],
  ViewSet: [],
  ViewSetMixin: [],
};

/** Class-based views of Django, REST framework and Flask whose HTTP methods are known without reading them. */
const FRAMEWORK_VIEW_METHODS: Readonly<Record<string, readonly string[]>> = {
  View: [],
  MethodView: [],
  Resource: [],
  APIView: [],
  GenericAPIView: [],
  object: [],
  TemplateView: ['GET'],
  RedirectView: ['GET'],
  ListView: ['GET'],
  DetailView: ['GET'],
  ArchiveIndexView: ['GET'],
  FormView: ['GET', 'POST'],
  CreateView: ['GET', 'POST'],
  UpdateView: ['GET', 'POST'],
  DeleteView: ['GET', 'POST'],
  LoginView: ['GET', 'POST'],
  LogoutView: ['POST'],
  ListAPIView: ['GET'],
  RetrieveAPIView: ['GET'],
  CreateAPIView: ['POST'],
  DestroyAPIView: ['DELETE'],
  UpdateAPIView: ['PUT', 'PATCH'],
  ListCreateAPIView: ['GET', 'POST'],
  RetrieveUpdateAPIView: ['GET', 'PUT', 'PATCH'],
  RetrieveDestroyAPIView: ['GET', 'DELETE'],
  RetrieveUpdateDestroyAPIView: ['GET', 'PUT', 'PATCH', 'DELETE'],
};

const LIST_METHODS: Readonly<Record<string, string>> = { list: 'GET', create: 'POST' };
const DETAIL_METHODS: Readonly<Record<string, string>> = {
  retrieve: 'GET',
  update: 'PUT',
  partial_update: 'PATCH',
  destroy: 'DELETE',
};
const MAX_DEPTH = 12;

/** A route a viewset registration serves, below the registration's prefix. */
export interface ViewSetRoute {
  /** The path after the registration's prefix: `/`, `/{pk}/`, `/{pk}/set-password/`. */
  suffix: string;
  methods: string[];
}

/** The methods a class and its bases define; undefined when a base outside the project is not a known one. */
function classMethods(
  input: LinkInput<PythonFacts>,
  places: PlaceResolver,
  view: Place,
  depth: number,
): Set<string> | undefined {
  if (view.kind !== 'class' || depth > MAX_DEPTH) return undefined;
  const found = ownEntry(input.files.get(view.file)?.classes, view.name);
  if (!found) return undefined;
  const methods = new Set(found.methods);
  for (const base of found.bases) {
    const resolved = places.resolve(view.file, base);
    const name = lastName(base);
    // Mixins from libraries (`LoginRequiredMixin`) wrap the dispatch; they add no method of their own.
    const given =
      resolved?.kind === 'class'
        ? classMethods(input, places, resolved, depth + 1)
        : name === undefined
          ? undefined
          : (ownEntry(FRAMEWORK_VIEW_METHODS, name) ?? (name.endsWith('Mixin') ? [] : undefined));
    if (given === undefined) return undefined;
    for (const method of given) methods.add(method);
  }
  return methods;
}

/**
 * The HTTP methods a class-based view serves (Flask `MethodView`, Django `View`, REST framework
 * `APIView` and generic views): those it and its bases define. Empty when a base outside the
 * project is not one whose methods are known: the view may serve anything.
 */
export function viewMethods(
  input: LinkInput<PythonFacts>,
  places: PlaceResolver,
  view: Place | undefined,
): string[] {
  return view ? [...(classMethods(input, places, view, 0) ?? [])] : [];
}

interface Shape {
  actions: Set<string>;
  extra: PythonExtraAction[];
  lookup?: string;
  /** True once a REST framework class is found among the bases: the actions are then all known. */
  known: boolean;
}

function collect(
  input: LinkInput<PythonFacts>,
  places: PlaceResolver,
  place: Place,
  shape: Shape,
  depth: number,
): void {
  if (place.kind !== 'class' || depth > MAX_DEPTH) return;
  const found = ownEntry(input.files.get(place.file)?.classes, place.name);
  if (!found) return;
  for (const action of found.actions ?? []) shape.actions.add(action);
  for (const extra of found.extraActions ?? [])
    if (!shape.extra.some((known) => known.name === extra.name)) shape.extra.push(extra);
  const lookup = ownEntry(found.attributes, 'lookup_url_kwarg') ?? ownEntry(found.attributes, 'lookup_field');
  shape.lookup ??= lookup && places.text(place.file, lookup);
  for (const base of found.bases) {
    const resolved = places.resolve(place.file, base);
    if (resolved?.kind === 'class') {
      collect(input, places, resolved, shape, depth + 1);
      continue;
    }
    const name = lastName(base);
    const given = name === undefined ? undefined : ownEntry(FRAMEWORK_ACTIONS, name);
    if (!given) continue;
    shape.known = true;
    for (const action of given) shape.actions.add(action);
  }
}

/**
 * The routes a REST framework router serves for a viewset (`router.register("users", UserViewSet)`):
 * the list route with `list`/`create`, the detail route with `retrieve`/`update`/`partial_update`/
 * `destroy`, and one route per `@action`, each only where the viewset has a method for it. A
 * viewset whose bases cannot all be told serves both routes for `ANY` method.
 */
export function viewSetRoutes(
  input: LinkInput<PythonFacts>,
  places: PlaceResolver,
  view: Place | undefined,
  slash: string,
): ViewSetRoute[] {
  const shape: Shape = { actions: new Set(), extra: [], known: false };
  if (view) collect(input, places, view, shape, 0);
  const lookup = `{${shape.lookup ?? 'pk'}}`;
  if (!shape.known && shape.actions.size === 0 && shape.extra.length === 0)
    return [
      { suffix: slash, methods: ['ANY'] },
      { suffix: `/${lookup}${slash}`, methods: ['ANY'] },
    ];
  const methodsOf = (table: Readonly<Record<string, string>>): string[] =>
    [...shape.actions].flatMap((action) => ownEntry(table, action) ?? []);
  const routes: ViewSetRoute[] = [
    { suffix: slash, methods: methodsOf(LIST_METHODS) },
    { suffix: `/${lookup}${slash}`, methods: methodsOf(DETAIL_METHODS) },
    ...shape.extra.map((extra) => ({
      suffix: `${extra.detail ? `/${lookup}` : ''}/${extra.path}${slash}`,
      methods: extra.methods,
    })),
  ];
  return routes.filter((route) => route.methods.length > 0);
}
