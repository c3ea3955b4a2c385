-- A redemption writes its voucher before its payment, so the organisation's ledger account — which every
-- redemption of its offers credits, a busy row — is locked for as short a time as possible
-- (docs/adr/0011-ledger-hot-path.md). The voucher's reference to its payment is checked at commit instead.
alter table rewards.vouchers alter constraint vouchers_payment_id_fkey deferrable initially deferred;
