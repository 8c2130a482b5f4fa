// Command ${{ values.name }} is a GTP-U user-plane function: it terminates
// GTP-U tunnels from the gNB on N3, answers path management echoes and
// forwards the user packets to the data network on N6.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func env(name, fallback string) string {
	if value, ok := os.LookupEnv(name); ok {
		return value
	}
	return fallback
}

func run() error {
	n3Addr := flag.String("n3", env("N3_ADDRESS", fmt.Sprintf(":%d", GTPUPort)), "UDP address for GTP-U from the gNB (N3)")
	n6Addr := flag.String("n6", env("N6_ADDRESS", ""), "UDP address user packets are sent to (N6); empty drops them")
	mgmtAddr := flag.String("mgmt", env("MGMT_ADDRESS", ":${{ values.port }}"), "HTTP address for /healthz, /readyz and /metrics")
	flag.Parse()

	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	n3UDP, err := net.ResolveUDPAddr("udp", *n3Addr)
	if err != nil {
		return fmt.Errorf("n3 address: %w", err)
	}
	n3, err := net.ListenUDP("udp", n3UDP)
	if err != nil {
		return fmt.Errorf("listen on N3: %w", err)
	}
	var n6 *net.UDPConn
	if *n6Addr != "" {
		n6UDP, err := net.ResolveUDPAddr("udp", *n6Addr)
		if err != nil {
			return fmt.Errorf("n6 address: %w", err)
		}
		if n6, err = net.DialUDP("udp", nil, n6UDP); err != nil {
			return fmt.Errorf("dial N6: %w", err)
		}
	}

	counters := &Counters{}
	forwarder := &Forwarder{
		N3:             n3,
		N6:             n6,
		RestartCounter: uint8(time.Now().Unix()),
		Counters:       counters,
		Log:            log,
	}

	mgmt := &http.Server{
		Addr:              *mgmtAddr,
		Handler:           managementHandler(counters),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		if err := mgmt.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("management server stopped", "error", err)
			_ = n3.Close()
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		log.Info("shutting down")
		_ = n3.Close()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = mgmt.Shutdown(shutdown)
	}()

	log.Info("serving", "n3", n3.LocalAddr().String(), "n6", *n6Addr, "mgmt", *mgmtAddr)
	err = forwarder.Run()
	if n6 != nil {
		_ = n6.Close()
	}
	return err
}
