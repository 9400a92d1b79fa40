// Each test file runs in its own process with its own database; keep logs quiet unless asked.
process.env.LOG_LEVEL ??= 'silent';
