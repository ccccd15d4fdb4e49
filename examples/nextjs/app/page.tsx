import { Stories } from './stories';
import { exampleReels } from './reels';

// The stories are made per request: each is live for 24 hours after it was posted.
export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>stories-kit in Next.js</h1>
      <Stories reels={exampleReels()} />
    </main>
  );
}
