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
