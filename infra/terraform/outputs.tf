output "cluster_name" {
  description = "GKE cluster (gcloud container clusters get-credentials <name> --region <region>)."
  value       = google_container_cluster.main.name
}

output "postgresql_private_ip" {
  description = "Private address of the PostgreSQL instance: postgresqlAddress (<ip>:5432) and postgresqlCidr (<ip>/32) of the install overlay's values.yaml."
  value       = google_sql_database_instance.main.private_ip_address
}

output "postgresql_connection_name" {
  description = "Cloud SQL connection name (for the Cloud SQL Auth Proxy, if used instead of the private IP)."
  value       = google_sql_database_instance.main.connection_name
}
