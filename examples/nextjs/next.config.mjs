import litSSR from '@lit-labs/nextjs';

// Lit's server rendering inside React's: the stories-kit elements of client components are
// rendered with their shadow DOM (declarative shadow DOM) in the server's HTML, and hydrate.
const withLitSSR = litSSR({ addDeclarativeShadowDomPolyfill: false });

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The repository's `npm run lint` lints this app; next build would pick up its ESLint config.
  eslint: { ignoreDuringBuilds: true },
};

export default withLitSSR(nextConfig);
