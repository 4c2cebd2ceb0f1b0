import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isPrivateAddress } from './private-address.ts';

it('refuses loopback, private, link-local and unspecified addresses', () => {
  for (const address of ['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', '::', 'fd12::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1']) {
    assert.equal(isPrivateAddress(address), true, address);
  }
});

it('allows public addresses, including the neighbours of private ranges', () => {
  // 172.15.x and 172.32.x sit just outside 172.16.0.0/12 (172.16.0.0 – 172.31.255.255).
  // ::ffff:808:808 is 8.8.8.8 in hex: 0x0808 = 8.8, twice.
  for (const address of ['::ffff:808:808', '8.8.8.8', '172.15.255.255', '172.32.0.1', '192.169.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
    assert.equal(isPrivateAddress(address), false, address);
  }
});
