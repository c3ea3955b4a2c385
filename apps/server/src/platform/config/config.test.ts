import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>, argv: string[] = []): readonly string[] {
  try {
    loadConfig({ env, argv });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  test('defaults give an embedded development server on 127.0.0.1:3000', () => {
    const config = loadConfig({ env: {} });
    assert.equal(config.mode, 'development');
    assert.equal(config.http.host, '127.0.0.1');
    assert.equal(config.http.port, 3000);
    assert.equal(config.database.kind, 'pglite');
    assert.equal(config.bus.kind, 'in-process');
    assert.equal(config.http.publicUrl, 'http://127.0.0.1:3000');
    assert.equal(config.ws.devTokens, true);
  });

  test('every problem is reported at once', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', TIME_ZONE: 'Mars/Olympus', BODY_LIMIT: '5' });
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.match(problems.join('\n'), /TIME_ZONE: "Mars\/Olympus" is not an IANA time zone/);
    assert.match(problems.join('\n'), /PORT/);
    assert.match(problems.join('\n'), /LOG_LEVEL: must be one of: fatal, error/);
    assert.match(problems.join('\n'), /BODY_LIMIT/);
    assert.deepEqual(problemsOf({ TIME_ZONE: 'Mars/Olympus' }), ['TIME_ZONE: "Mars/Olympus" is not an IANA time zone']);
  });

  test('CLI flags override environment variables', () => {
    const config = loadConfig({ env: { PORT: '4000', DATA_DIR: '/tmp/a' }, argv: ['serve', '--port', '5000', '--data-dir=/tmp/b', '--log-pretty'] });
    assert.equal(config.http.port, 5000);
    assert.equal(config.dataDir, '/tmp/b');
    assert.equal(config.log.pretty, true);
  });

  test('an unknown flag is a problem, not silently ignored', () => {
    assert.deepEqual(problemsOf({}, ['--prot', '80']), ['--prot: unknown flag']);
  });

  test('production refuses development conveniences and missing settings', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DEV_TOKENS: 'true', LOG_PRETTY: 'true' });
    assert.ok(problems.some((p) => p.startsWith('DEV_TOKENS')));
    assert.ok(problems.some((p) => p.startsWith('LOG_PRETTY')));
    assert.ok(problems.some((p) => p.startsWith('PUBLIC_URL')));
    assert.ok(problems.includes('SMTP_URL: required in production (sign-in codes are sent by email)'));
  });

  test('production with its settings starts and turns development tokens off', () => {
    const config = loadConfig({ env: { NODE_ENV: 'production', PUBLIC_URL: 'https://heyblue.example', SMTP_URL: 'smtps://mailer:secret@smtp.heyblue.example:465' } });
    assert.equal(config.ws.devTokens, false);
    assert.equal(config.delivery.smtpUrl, 'smtps://mailer:secret@smtp.heyblue.example:465');
  });

  test('delivery defaults to no providers, with default senders', () => {
    const config = loadConfig({ env: {} });
    assert.deepEqual(config.delivery, { smtpUrl: undefined, emailFrom: 'Hey Blue! <no-reply@heyblue.local>', smsHttpUrl: undefined, smsHttpToken: undefined, smsFrom: 'HeyBlue' });
  });

  test('delivery providers are read from their settings', () => {
    const config = loadConfig({
      env: { SMTP_URL: 'smtp://127.0.0.1:2525', EMAIL_FROM: 'Blue <blue@example.org>', SMS_HTTP_URL: 'https://sms.example/send', SMS_HTTP_TOKEN: 't0ken', SMS_FROM: 'Blue' },
    });
    assert.deepEqual(config.delivery, { smtpUrl: 'smtp://127.0.0.1:2525', emailFrom: 'Blue <blue@example.org>', smsHttpUrl: 'https://sms.example/send', smsHttpToken: 't0ken', smsFrom: 'Blue' });
  });

  test('an SMTP URL must be smtp:// or smtps://, and an SMS provider needs its token', () => {
    assert.ok(problemsOf({ SMTP_URL: 'http://mail.example' }).some((p) => p.startsWith('SMTP_URL')));
    assert.deepEqual(problemsOf({ SMS_HTTP_URL: 'https://sms.example/send' }), ['SMS_HTTP_TOKEN: required when SMS_HTTP_URL is set']);
    assert.ok(problemsOf({ SMS_HTTP_URL: 'not a url', SMS_HTTP_TOKEN: 't' }).some((p) => p.startsWith('SMS_HTTP_URL')));
  });

  test('distributed mode needs shared keys and NATS needs a database server', () => {
    assert.ok(problemsOf({ DATABASE_URL: 'postgres://localhost/x' }).some((p) => p.startsWith('KEYS')));
    assert.ok(problemsOf({ NATS_URL: 'nats://localhost:4222' }).some((p) => p.startsWith('NATS_URL')));
    const config = loadConfig({ env: { DATABASE_URL: 'postgres://localhost/x', KEYS: '{"keys":[]}', NATS_URL: 'nats://127.0.0.1:4222' } });
    assert.equal(config.database.kind, 'postgres');
    assert.equal(config.bus.kind, 'nats');
  });

  test('secrets in bad settings are not echoed', () => {
    const problems = problemsOf({ SMTP_URL: 'ftp://user:hunter2@mail.example', KEYS: '{"keys":[]}', DATABASE_URL: 'mysql://admin:s3cret@db' });
    assert.doesNotMatch(problems.join('\n'), /hunter2|s3cret/);
    assert.match(problems.join('\n'), /\/\/\[redacted\]@mail\.example/);
  });

  test('the result is frozen', () => {
    const config = loadConfig({ env: {} });
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.http));
    assert.throws(() => Object.assign(config.http, { port: 1 }));
  });
});
