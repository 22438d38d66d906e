import { currentEnvironment, stopAll } from './global-setup';

/** Stops the service and the fake WeChat server and drops the test database. */
export default async function globalTeardown(): Promise<void> {
  await stopAll(currentEnvironment());
}
