import { describe, expect, it } from 'vitest';
import { railsRouteFamily } from '../../../src/changes/routes/ruby/rails-family.js';
import { routeTable } from './route-table.js';

const routes = (text: string, more: Record<string, string> = {}, complete = true) =>
  routeTable(railsRouteFamily, { 'config/routes.rb': text, ...more }, { complete });

const draw = (body: string) => `Rails.application.routes.draw do\n${body}\nend\n`;

describe('Rails routes', () => {
  it('expands resources into the seven actions, and a singular resource into six with a plural controller', async () => {
    expect(await routes(draw('  resources :photos\n  resource :profile'))).toEqual([
      'GET /photos config/routes.rb:2 photos#index',
      'POST /photos config/routes.rb:2 photos#create',
      'GET /photos/new config/routes.rb:2 photos#new',
      'GET /photos/:id/edit config/routes.rb:2 photos#edit',
      'GET /photos/:id config/routes.rb:2 photos#show',
      'PATCH /photos/:id config/routes.rb:2 photos#update',
      'PUT /photos/:id config/routes.rb:2 photos#update',
      'DELETE /photos/:id config/routes.rb:2 photos#destroy',
      'POST /profile config/routes.rb:3 profiles#create',
      'GET /profile/new config/routes.rb:3 profiles#new',
      'GET /profile/edit config/routes.rb:3 profiles#edit',
      'GET /profile config/routes.rb:3 profiles#show',
      'PATCH /profile config/routes.rb:3 profiles#update',
      'PUT /profile config/routes.rb:3 profiles#update',
      'DELETE /profile config/routes.rb:3 profiles#destroy',
    ]);
  });

  it('draws no form routes in an API-only application unless only: names them', async () => {
    const table = await routes(
      draw('  resources :photos, except: :destroy\n  resources :drafts, only: :new'),
      {
        'config/application.rb':
          'module App\n  class Application < Rails::Application\n    config.api_only = true\n  end\nend\n',
      },
    );
    expect(table).toEqual([
      'GET /photos config/routes.rb:2 photos#index',
      'POST /photos config/routes.rb:2 photos#create',
      'GET /photos/:id config/routes.rb:2 photos#show',
      'PATCH /photos/:id config/routes.rb:2 photos#update',
      'PUT /photos/:id config/routes.rb:2 photos#update',
      'GET /drafts/new config/routes.rb:3 drafts#new',
    ]);
  });

  it('keeps only:, drops except:, and reads path:, param:, controller: and path_names:', async () => {
    const table = await routes(
      draw(
        [
          "  resources :photos, only: [:index, :show], path: 'images', param: :slug, controller: 'pictures'",
          '  resources :users, except: %i[new edit create update destroy show]',
          "  resources :posts, only: :new, path_names: { new: 'make' }",
        ].join('\n'),
      ),
    );
    expect(table).toEqual([
      'GET /images config/routes.rb:2 pictures#index',
      'GET /images/:slug config/routes.rb:2 pictures#show',
      'GET /users config/routes.rb:3 users#index',
      'GET /posts/make config/routes.rb:4 posts#new',
    ]);
  });

  it('nests resources, member and collection blocks, on: and verbs in a resource block', async () => {
    const table = await routes(
      draw(
        [
          '  resources :magazines, only: [] do',
          '    resources :ads, only: :index',
          '    member do',
          '      post :publish',
          '    end',
          '    collection { get :search }',
          '    get :preview, on: :member',
          '    get :stats',
          '  end',
        ].join('\n'),
      ),
    );
    expect(table).toEqual([
      'GET /magazines/:magazine_id/ads config/routes.rb:3 ads#index',
      'POST /magazines/:id/publish config/routes.rb:5 magazines#publish',
      'GET /magazines/search config/routes.rb:7 magazines#search',
      'GET /magazines/:id/preview config/routes.rb:8 magazines#preview',
      'GET /magazines/:magazine_id/stats config/routes.rb:9 magazines#stats',
    ]);
  });

  it('puts the member routes of shallow resources under the namespace, not under their parents', async () => {
    const table = await routes(
      draw(
        [
          '  namespace :api do',
          '    resources :articles, only: [], shallow: true do',
          '      resources :comments, only: [:index, :show] do',
          '        resources :likes, only: [:index]',
          '      end',
          '    end',
          '  end',
        ].join('\n'),
      ),
    );
    expect(table).toEqual([
      'GET /api/articles/:article_id/comments config/routes.rb:4 api/comments#index',
      'GET /api/comments/:id config/routes.rb:4 api/comments#show',
      'GET /api/comments/:comment_id/likes config/routes.rb:5 api/likes#index',
    ]);
  });

  it('prefixes paths and controllers with namespaces and scopes, and keeps other blocks transparent', async () => {
    const table = await routes(
      draw(
        [
          "  namespace :admin, path: 'backoffice' do",
          "    get 'dashboard', to: 'dashboard#show'",
          '  end',
          "  scope '/v2', module: 'v2' do",
          '    constraints subdomain: "api" do',
          '      resources :orders, only: :index',
          '    end',
          '  end',
          "  scope module: 'public', path: ':locale' do",
          '    controller :pages do',
          "      get 'about'",
          '    end',
          '  end',
          "  if ENV['DEBUG_ROUTES']",
          "    get 'debug' => 'debug#index'",
          '  end',
        ].join('\n'),
      ),
    );
    expect(table).toEqual([
      'GET /backoffice/dashboard config/routes.rb:3 admin/dashboard#show',
      'GET /v2/orders config/routes.rb:7 v2/orders#index',
      'GET /:locale/about config/routes.rb:12 public/pages#about',
      'GET /debug config/routes.rb:16 debug#index',
    ]);
  });

  it('reads root, match with via:, redirects and the hash-rocket form', async () => {
    const table = await routes(
      draw(
        [
          "  root 'pages#home'",
          "  match 'reports/:id', to: 'reports#show', via: [:get, :post]",
          "  match 'hook', to: 'hooks#receive', via: :all",
          "  get '/old', to: redirect('/new')",
          "  get 'up' => 'rails/health#show', as: :rails_health_check",
          '  namespace :admin do',
          "    root to: 'dashboard#index'",
          '  end',
        ].join('\n'),
      ),
    );
    expect(table).toEqual([
      'GET / config/routes.rb:2 pages#home',
      'GET /reports/:id config/routes.rb:3 reports#show',
      'POST /reports/:id config/routes.rb:3 reports#show',
      'ANY /hook config/routes.rb:4 hooks#receive',
      'GET /old config/routes.rb:5',
      'GET /up config/routes.rb:6 rails/health#show',
      'GET /admin config/routes.rb:8 admin/dashboard#index',
    ]);
  });

  it('draws concerns where resources use them', async () => {
    const table = await routes(
      draw(
        [
          '  concern :commentable do',
          '    resources :comments, only: :index',
          '  end',
          '  resources :posts, only: [], concerns: :commentable',
          '  resources :videos, only: [] do',
          '    concerns :commentable',
          '  end',
        ].join('\n'),
      ),
    );
    expect(table).toEqual([
      'GET /posts/:post_id/comments config/routes.rb:3 comments#index',
      'GET /videos/:video_id/comments config/routes.rb:3 comments#index',
    ]);
  });

  it('reads drawn files where they are drawn, and a file nobody draws not at all', async () => {
    const table = await routes(
      draw('  namespace :admin do\n    draw :admin\n    draw "admin/reports"\n  end'),
      {
        'config/routes/admin.rb': 'resources :users, only: :index\n',
        'config/routes/admin/reports.rb': "get 'reports', to: 'reports#index'\n",
        'config/routes/unused.rb': "get 'unused', to: 'unused#index'\n",
      },
    );
    expect(table).toEqual([
      'GET /admin/users config/routes/admin.rb:1 admin/users#index',
      'GET /admin/reports config/routes/admin/reports.rb:1 admin/reports#index',
    ]);
  });

  it('reads a drawn file alone when the side is only the diff', async () => {
    const table = await routeTable(
      railsRouteFamily,
      { 'config/routes/admin.rb': 'resources :users, only: :index\n' },
      { complete: false },
    );
    expect(table).toEqual(['GET /users config/routes/admin.rb:1 users#index']);
  });

  it("puts a project engine's routes under its mount, and lists nothing for a third-party mount", async () => {
    const table = await routes(
      draw("  mount Billing::Engine, at: '/billing'\n  mount Sidekiq::Web => '/sidekiq'"),
      {
        'engines/billing/config/routes.rb':
          'Billing::Engine.routes.draw do\n  resources :invoices, only: :index\nend\n',
      },
    );
    expect(table).toEqual(['GET /billing/invoices engines/billing/config/routes.rb:2 invoices#index']);
  });

  it('does not take method calls on a receiver for routes', async () => {
    expect(await routes(draw("  params.delete(:x)\n  ENV.fetch('A')\n  Foo.get('/x')"))).toEqual([]);
  });

  it('leaves out routes only development or test draws, and keeps those under other conditions', async () => {
    const table = await routes(
      draw(
        [
          '  namespace :api do', // 2
          '    if Rails.env.test?',
          "      get 'test', to: 'test#index'",
          '    end', // 5
          "    get 'debug', to: 'debug#show' if Rails.env.development? || Rails.env.test?",
          "    get 'letters', to: 'letters#index' unless Rails.env.production?",
          '    unless ::Rails.env.local? then get "live", to: "live#show" else get "local", to: "local#show" end',
          '    if Rails.env.production?',
          "      get 'prod', to: 'prod#show'", // 10
          '    elsif Rails.env == "test"',
          "      get 'elsif', to: 'elsif#show'",
          '    else',
          "      get 'other', to: 'other#show'",
          '    end', // 15
          "    if ENV['BETA']",
          "      get 'beta', to: 'beta#show'",
          '    end',
          "    get 'flag', to: 'flag#show' if Flipper.enabled?(:flag) && !Rails.env.production?",
          "    get 'staging', to: 'staging#show' if Rails.env.staging?", // 20
          "    get 'maybe', to: 'maybe#show' if Rails.env.test? || Feature.on?",
          '  end',
        ].join('\n'),
      ),
    );
    expect(table).toEqual([
      'GET /api/live config/routes.rb:8 api/live#show',
      'GET /api/prod config/routes.rb:10 api/prod#show',
      'GET /api/beta config/routes.rb:17 api/beta#show',
      'GET /api/staging config/routes.rb:20 api/staging#show',
      'GET /api/maybe config/routes.rb:21 api/maybe#show',
    ]);
  });
});
