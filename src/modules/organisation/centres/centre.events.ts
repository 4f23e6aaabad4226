/**
 * The change-feed topic of centres (key: the centre id): other modules that keep a
 * centre's own data in memory (the queue's issuing configuration: its service hours,
 * whether it is retired) hear of an update or a retirement at commit.
 */
export const CENTRE_TOPIC = 'centre';
