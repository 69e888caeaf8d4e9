# A managed Kubernetes cluster (GKE, Dataplane V2 so NetworkPolicies are enforced), a managed PostgreSQL (Cloud SQL,
# private IP only, regional HA, point-in-time recovery) with the four databases and their roles, the services'
# database Secrets, and the orchestrator installed from a kustomize overlay (deploy/components, ADR 0008) by the
# kbst/kustomization provider. Written and parse-checked here (terraform fmt, see infra/README.md); never applied
# from this repository.

provider "google" {
  project = var.project
  region  = var.region
}

data "google_client_config" "current" {}

data "google_compute_network" "vpc" {
  name = var.network
}

resource "google_container_cluster" "main" {
  name     = "${var.name}-cluster"
  location = var.region
  network  = data.google_compute_network.vpc.id

  # the node pool below replaces the default one
  remove_default_node_pool = true
  initial_node_count       = 1

  datapath_provider   = "ADVANCED_DATAPATH"
  deletion_protection = true

  release_channel {
    channel = "REGULAR"
  }

  workload_identity_config {
    workload_pool = "${var.project}.svc.id.goog"
  }

  ip_allocation_policy {}

  addons_config {
    gce_persistent_disk_csi_driver_config {
      enabled = true
    }
  }
}

resource "google_container_node_pool" "main" {
  name     = "${var.name}-pool"
  location = var.region
  cluster  = google_container_cluster.main.name

  autoscaling {
    min_node_count = var.nodes_per_zone_min
    max_node_count = var.nodes_per_zone_max
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type = var.node_machine_type
    disk_type    = "pd-ssd"
    disk_size_gb = 100
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}

# Cloud SQL reaches the VPC through private services access
resource "google_compute_global_address" "sql" {
  name          = "${var.name}-sql-range"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 20
  network       = data.google_compute_network.vpc.id
}

resource "google_service_networking_connection" "sql" {
  network                 = data.google_compute_network.vpc.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.sql.name]
}

resource "google_sql_database_instance" "main" {
  name                = "${var.name}-pg"
  database_version    = "POSTGRES_16"
  region              = var.region
  deletion_protection = true

  settings {
    tier              = var.postgresql_tier
    availability_type = "REGIONAL"
    disk_type         = "PD_SSD"
    disk_autoresize   = true

    ip_configuration {
      ipv4_enabled    = false
      private_network = data.google_compute_network.vpc.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
      start_time                     = "02:00"
    }

    database_flags {
      name  = "max_connections"
      value = "400"
    }
  }

  depends_on = [google_service_networking_connection.sql]
}

locals {
  # database name => role (deploy/README.md, section 1 step 3)
  databases = {
    gateway      = "gateway"
    provisioning = "provisioning"
    chain        = "chain"
    heartbeat    = "heartbeat"
  }
}

resource "random_password" "db" {
  for_each = local.databases
  length   = 32
  special  = false
}

resource "google_sql_user" "db" {
  for_each = local.databases
  instance = google_sql_database_instance.main.name
  name     = each.value
  password = random_password.db[each.key].result
}

resource "google_sql_database" "db" {
  for_each = local.databases
  instance = google_sql_database_instance.main.name
  name     = each.key
}

provider "kubernetes" {
  host                   = "https://${google_container_cluster.main.endpoint}"
  token                  = data.google_client_config.current.access_token
  cluster_ca_certificate = base64decode(google_container_cluster.main.master_auth[0].cluster_ca_certificate)
}

provider "kustomization" {
  kubeconfig_raw = yamlencode({
    apiVersion      = "v1"
    kind            = "Config"
    current-context = "gke"
    clusters = [{
      name = "gke"
      cluster = {
        server                     = "https://${google_container_cluster.main.endpoint}"
        certificate-authority-data = google_container_cluster.main.master_auth[0].cluster_ca_certificate
      }
    }]
    users = [{
      name = "terraform"
      user = { token = data.google_client_config.current.access_token }
    }]
    contexts = [{
      name    = "gke"
      context = { cluster = "gke", user = "terraform" }
    }]
  })
}

resource "kubernetes_namespace" "services" {
  metadata {
    name = var.services_namespace
  }

  # the overlay declares the namespace too (labels for Pod Security); it takes it over
  lifecycle {
    ignore_changes = [metadata]
  }

  depends_on = [google_container_node_pool.main]
}

# the Secrets omniphi-pg-<db> the services read (kubernetes.io/basic-auth), from the generated passwords
resource "kubernetes_secret" "db" {
  for_each = local.databases

  metadata {
    name      = "omniphi-pg-${each.key}"
    namespace = kubernetes_namespace.services.metadata[0].name
  }

  type = "kubernetes.io/basic-auth"

  data = {
    username = google_sql_user.db[each.key].name
    password = random_password.db[each.key].result
  }
}

# the orchestrator: CRDs and namespaces first (p0), then everything else (p1), as kbst/kustomization documents
data "kustomization_build" "install" {
  path = var.install_overlay
}

resource "kustomization_resource" "p0" {
  for_each = data.kustomization_build.install.ids_prio[0]
  manifest = data.kustomization_build.install.manifests[each.value]

  depends_on = [google_container_node_pool.main]
}

resource "kustomization_resource" "p1" {
  for_each = data.kustomization_build.install.ids_prio[1]
  manifest = data.kustomization_build.install.manifests[each.value]

  wait = true

  depends_on = [kustomization_resource.p0, kubernetes_secret.db, google_sql_database.db]
}

resource "kustomization_resource" "p2" {
  for_each = data.kustomization_build.install.ids_prio[2]
  manifest = data.kustomization_build.install.manifests[each.value]

  depends_on = [kustomization_resource.p1]
}
