import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { serverSecret } from "@/lib/access/secret";
import { verifyCredentials } from "@/lib/users/service";

const credentialsSchema = z.object({ email: z.string().min(1), password: z.string().min(1) });

class BadCredentials extends CredentialsSignin {
  code = "bad_credentials";
}

/** Console sign-in: e-mail + password (bcrypt), a JWT session carrying only the user id. */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: serverSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new BadCredentials();
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!user) throw new BadCredentials();
        return { id: String(user.id), email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = Number(user.id);
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "number") session.user.id = String(token.uid);
      return session;
    },
  },
});
