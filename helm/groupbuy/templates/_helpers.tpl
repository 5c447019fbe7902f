{{/* Names and labels. */}}
{{- define "groupbuy.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "groupbuy.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "groupbuy.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "groupbuy.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: groupbuy
{{- end -}}

{{- define "groupbuy.selectorLabels" -}}
app.kubernetes.io/name: {{ include "groupbuy.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "groupbuy.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "groupbuy.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "groupbuy.secretName" -}}
{{- default (include "groupbuy.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{/*
The four processes. Each is one Deployment; api and worker run the command-side image in their role's profile.
Keys: values (key under .Values), module (image), profile, port, database (config key), http (has a Service port
for clients), scaler (what its autoscaler scales on, if any; httpLoad: CPU and HTTP requests per second).
*/}}
{{- define "groupbuy.components" -}}
api:
  values: api
  module: command-side
  profile: api
  port: 8081
  database: eventStore
  http: true
  scaler: httpLoad
worker:
  values: worker
  module: command-side
  profile: worker
  port: 8084
  database: eventStore
  http: false
  scaler: orderQueueDepth
projections:
  values: projections
  module: projections
  profile: ""
  port: 8083
  database: readModel
  http: false
  scaler: projectionLag
query-side:
  values: querySide
  module: query-side
  profile: ""
  port: 8082
  database: readModel
  http: true
  scaler: httpLoad
{{- end -}}

{{/* Labels of one component: (dict "root" $ "component" "api") */}}
{{- define "groupbuy.componentLabels" -}}
{{ include "groupbuy.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "groupbuy.componentSelectorLabels" -}}
{{ include "groupbuy.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "groupbuy.image" -}}
{{- $root := .root -}}
{{- $image := $root.Values.image -}}
{{- $tag := default $root.Chart.AppVersion $image.tag -}}
{{- if $image.registry -}}
{{- printf "%s/%s/%s:%s" $image.registry $image.repositoryPrefix .module $tag -}}
{{- else -}}
{{- printf "%s/%s:%s" $image.repositoryPrefix .module $tag -}}
{{- end -}}
{{- end -}}

{{/* Autoscaling checks the schema cannot express, because they compare two values. */}}
{{- define "groupbuy.validateAutoscaling" -}}
{{- $worker := .Values.worker.autoscaling -}}
{{- $consumers := int .Values.worker.consumersPerPod -}}
{{- $partitions := int .Values.kafka.orderQueue.partitions -}}
{{- if gt (mul (int $worker.maxReplicas) $consumers) $partitions -}}
{{- fail (printf "worker.autoscaling.maxReplicas (%d) x worker.consumersPerPod (%d) must not exceed kafka.orderQueue.partitions (%d): order-queue consumers beyond the partitions sit idle" (int $worker.maxReplicas) $consumers $partitions) -}}
{{- end -}}
{{- if gt (int $worker.minReplicas) (int $worker.maxReplicas) -}}
{{- fail (printf "worker.autoscaling.minReplicas (%d) must not exceed worker.autoscaling.maxReplicas (%d)" (int $worker.minReplicas) (int $worker.maxReplicas)) -}}
{{- end -}}
{{- $projections := .Values.projections.autoscaling -}}
{{- if gt (int $projections.maxReplicas) (int .Values.kafka.eventTopics.partitions) -}}
{{- fail (printf "projections.autoscaling.maxReplicas (%d) must not exceed kafka.eventTopics.partitions (%d): more projection consumers than partitions sit idle" (int $projections.maxReplicas) (int .Values.kafka.eventTopics.partitions)) -}}
{{- end -}}
{{- if gt (int $projections.minReplicas) (int $projections.maxReplicas) -}}
{{- fail (printf "projections.autoscaling.minReplicas (%d) must not exceed projections.autoscaling.maxReplicas (%d)" (int $projections.minReplicas) (int $projections.maxReplicas)) -}}
{{- end -}}
{{- if gt (mul (int .Values.worker.replicas) $consumers) $partitions -}}
{{- fail (printf "worker.replicas (%d) x worker.consumersPerPod (%d) must not exceed kafka.orderQueue.partitions (%d)" (int .Values.worker.replicas) $consumers $partitions) -}}
{{- end -}}
{{- range $key := list "api" "querySide" -}}
{{- $http := index $.Values $key "autoscaling" -}}
{{- if gt (int $http.minReplicas) (int $http.maxReplicas) -}}
{{- fail (printf "%s.autoscaling.minReplicas (%d) must not exceed %s.autoscaling.maxReplicas (%d)" $key (int $http.minReplicas) $key (int $http.maxReplicas)) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The PromQL that yields the order queue depth once, however many api pods export it. */}}
{{- define "groupbuy.orderQueueDepthExpr" -}}
max by (namespace, topic, consumergroup) (groupbuy_order_queue_depth{namespace="{{ .Release.Namespace }}", topic="{{ .Values.kafka.orderQueue.topic }}", consumergroup="{{ .Values.kafka.orderQueue.consumerGroup }}"})
{{- end -}}

{{/* The Pods metric prometheus-adapter publishes for the api and query-side HPAs: HTTP requests per second. */}}
{{- define "groupbuy.httpRequestsPerSecondMetric" -}}
http_server_requests_per_second
{{- end -}}

{{/* HTTP requests a process served, actuator's own left out: the series the per-pod request rate is made of. */}}
{{- define "groupbuy.httpRequestsSelector" -}}
uri!~"/actuator.*"
{{- end -}}

{{/*
The endpoints with a latency objective (metrics.prometheusRule.slo.<key>): the alert that guards each, and the
series of Micrometer's http.server.requests that measure it. uri is the handler's path template, as Spring MVC tags
it.
*/}}
{{- define "groupbuy.latencyObjectives" -}}
payment:
  alert: GroupbuyPaymentLatencyBudgetBurn
  what: payments
  selector: component="api",method="POST",uri="/api/v1/orders/{orderId}/payment"
orderAccept:
  alert: GroupbuyOrderAcceptLatencyBudgetBurn
  what: order placements (202 Accepted)
  selector: component="api",method="POST",uri="/api/v1/orders"
flashAdmission:
  alert: GroupbuyFlashAdmissionLatencyBudgetBurn
  what: flash-sale purchases (the admission gate)
  selector: component="api",method="POST",uri="/api/v1/flash-sales/{flashSaleId}/orders"
{{- end -}}

{{/* A latency objective's bound as Prometheus writes the bucket's le label: 200 (ms) -> 0.2. */}}
{{- define "groupbuy.le" -}}
{{- printf "%g" (divf . 1000.0) -}}
{{- end -}}

{{/* The histogram buckets every process adds to http.server.requests: one per latency objective. */}}
{{- define "groupbuy.latencyBuckets" -}}
{{- $buckets := list -}}
{{- range $key, $slo := include "groupbuy.latencyObjectives" . | fromYaml -}}
{{- $buckets = append $buckets (printf "%dms" (int (index $.Values.metrics.prometheusRule.slo $key).latencyMilliseconds)) -}}
{{- end -}}
{{- $buckets | uniq | sortAlpha | join "," -}}
{{- end -}}

{{/*
The two burn-rate alerts of one objective, on the groupbuy:slo_errors ratios: (dict "alert" "slo" "ns" "objective"
"runbook" "summary" "description").
*/}}
{{- define "groupbuy.burnRateAlerts" -}}
{{- $ratio := printf "groupbuy:slo_errors:ratio_rate%%s{namespace=\"%s\",slo=\"%s\"}" .ns .slo -}}
{{- $budget := printf "(1 - %v)" .objective -}}
- alert: {{ .alert }}
  expr: >-
    ({{ printf $ratio "1h" }} > 14.4 * {{ $budget }} and {{ printf $ratio "5m" }} > 14.4 * {{ $budget }})
    or
    ({{ printf $ratio "6h" }} > 6 * {{ $budget }} and {{ printf $ratio "30m" }} > 6 * {{ $budget }})
  labels:
    severity: critical
    slo: {{ .slo }}
  annotations:
    summary: {{ .summary | quote }}
    description: >-
      Fast burn: {{ .description }} over the last hour (or 6 hours), 14.4 (or 6) times the error budget; at this
      pace the month's budget is gone in 2 (or 5) days.
    runbook_url: {{ .runbook }}#{{ lower .alert }}
- alert: {{ .alert }}
  expr: >-
    ({{ printf $ratio "1d" }} > 3 * {{ $budget }} and {{ printf $ratio "2h" }} > 3 * {{ $budget }})
    or
    ({{ printf $ratio "3d" }} > {{ $budget }} and {{ printf $ratio "6h" }} > {{ $budget }})
  labels:
    severity: warning
    slo: {{ .slo }}
  annotations:
    summary: {{ .summary | quote }}
    description: >-
      Slow burn: {{ .description }} over the last day (or 3 days), 3 (or 1) times the error budget.
    runbook_url: {{ .runbook }}#{{ lower .alert }}
{{- end -}}

{{/*
Capacity facts the schema cannot check, because they add up several values: the connections every pod's pool could
hold at once on each database (every process at maxReplicas, or replicas, plus the 25% a rolling update surges) against
what the database server grants the release; and topic durability (writes go on with one broker lost).
*/}}
{{- define "groupbuy.validateCapacity" -}}
{{- $root := . -}}
{{- $peaks := dict "eventStore" 0 "readModel" 0 -}}
{{- range $component, $spec := include "groupbuy.components" . | fromYaml -}}
{{- $values := index $root.Values $spec.values -}}
{{- $pods := int $values.replicas -}}
{{- if and (hasKey $spec "scaler") $values.autoscaling.enabled -}}
{{- $pods = int $values.autoscaling.maxReplicas -}}
{{- end -}}
{{- $surging := add $pods (div (add $pods 3) 4) -}}
{{- $_ := set $peaks $spec.database (add (index $peaks $spec.database) (mul $surging (int $values.databasePoolSize))) -}}
{{- end -}}
{{- range $database, $connections := $peaks -}}
{{- $budget := int (index $root.Values.config $database).maxConnections -}}
{{- if gt (int $connections) $budget -}}
{{- fail (printf "the pods could open %d connections to %s (databasePoolSize x (maxReplicas or replicas) plus a rolling update's 25%% surge), more than config.%s.maxConnections (%d): lower pool sizes or replicas, raise the server's max_connections, or put PgBouncer in front (docs/operations.md#capacity)" (int $connections) $database $database $budget) -}}
{{- end -}}
{{- end -}}
{{- $kafka := .Values.kafka -}}
{{- $factor := int $kafka.replicationFactor -}}
{{- $insync := int $kafka.minInsyncReplicas -}}
{{- if or (gt $insync $factor) (and (gt $factor 1) (eq $insync $factor)) -}}
{{- fail (printf "kafka.minInsyncReplicas (%d) must be below kafka.replicationFactor (%d), or 1 with a replicationFactor of 1: otherwise the loss of one broker stops every write" $insync $factor) -}}
{{- end -}}
{{- end -}}
