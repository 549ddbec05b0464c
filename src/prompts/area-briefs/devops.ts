import type { AreaBrief } from './area-brief.js';

export const devopsBrief: AreaBrief = {
  area: 'devops',
  reviewer: 'DevOps engineer',
  focus: 'build, CI/CD, containers, deployment and runtime configuration',
  checks: [
    'a GitHub workflow that runs PR code with secrets (pull_request_target checking out the head), or interpolates ${{ github.event.* }} text into a run script',
    'third-party actions or base images not pinned, or pinned to a moving tag like latest',
    'workflow or token permissions wider than the job needs',
    'containers running as root, secrets passed as build args or copied into image layers',
    'a service without a health check or graceful shutdown where the deployment relies on one',
    'a new environment variable read by the code but missing from the deployment, compose or example config',
    'infrastructure changes that open ports, buckets or databases to the public',
  ],
  leaveToOthers: 'application logic and tests',
  relevantPaths:
    /(^|\/)(\.github\/|\.gitlab-ci|Dockerfile|docker-compose|compose\.ya?ml|k8s|kubernetes|helm|charts|terraform|\.tf$|Makefile|Procfile|\.env\.example|deploy|infra|ansible|Jenkinsfile)/i,
  relevantCode:
    /\b(FROM|RUN|USER|EXPOSE|ENV|ARG|uses:|runs-on|permissions|secrets\.|image:|ports:|process\.env|os\.environ|getenv)\b/,
};
