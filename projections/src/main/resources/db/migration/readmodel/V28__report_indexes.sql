-- The analysts' reports (GET /analytics/reports/...) read orders by the time of their payment, and a customer's
-- first payment.
CREATE INDEX orders_by_paid_at ON orders (paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX orders_paid_by_user ON orders (user_id, paid_at) WHERE paid_at IS NOT NULL;
