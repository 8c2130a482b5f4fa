package main

import (
	"fmt"
	"net/http"
)

// managementHandler serves the probes and Prometheus metrics on the
// management port, which the Service exposes; N3 and N6 traffic arrives on
// the Multus interfaces, not through the Service.
func managementHandler(c *Counters) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ready")
	})
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		writeCounter(w, "upf_gtpu_packets_received_total", "GTP-U packets received on N3.", c.Received.Load())
		writeCounter(w, "upf_gtpu_packets_forwarded_total", "User packets sent to N6.", c.Forwarded.Load())
		writeCounter(w, "upf_gtpu_echo_responses_total", "Echo Requests answered.", c.Echoes.Load())
		writeCounter(w, "upf_gtpu_packets_dropped_total", "Packets dropped: unhandled type, no N6, or send failure.", c.Dropped.Load())
		writeCounter(w, "upf_gtpu_packets_malformed_total", "Packets that are not valid GTP-U.", c.Malformed.Load())
	})
	return mux
}

func writeCounter(w http.ResponseWriter, name, help string, value uint64) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", name, help, name, name, value)
}
