const createNextIntlPlugin = require("next-intl/plugin");

// The console's language and messages per request: i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "bcryptjs", "ioredis"],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = withNextIntl(nextConfig);
