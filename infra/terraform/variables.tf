variable "project" {
  description = "Google Cloud project id."
  type        = string
}

variable "region" {
  description = "Region of the cluster (regional: control plane and nodes in three zones) and of the database."
  type        = string
  default     = "europe-west1"
}

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "omniphi"
}

variable "network" {
  description = "VPC the cluster and the database's private IP live in."
  type        = string
  default     = "default"
}

variable "node_machine_type" {
  description = "Machine type of the cluster's nodes (validator nodes need 4 vCPU / 16 GiB each at least)."
  type        = string
  default     = "n2-standard-8"
}

variable "nodes_per_zone_min" {
  description = "Autoscaler minimum of nodes per zone."
  type        = number
  default     = 1
}

variable "nodes_per_zone_max" {
  description = "Autoscaler maximum of nodes per zone."
  type        = number
  default     = 5
}

variable "postgresql_tier" {
  description = "Cloud SQL machine tier of the PostgreSQL instance."
  type        = string
  default     = "db-custom-2-7680"
}

variable "install_overlay" {
  description = "Kustomize overlay to install: a copy of deploy/overlays/platform with components/external-postgresql, whose values.yaml names this database (postgresqlAddress: the output postgresql_private_ip, port 5432)."
  type        = string
  default     = "../../deploy/overlays/platform"
}

variable "services_namespace" {
  description = "Namespace of the four services (the install overlay's NamespaceTransformer)."
  type        = string
  default     = "omniphi"
}
