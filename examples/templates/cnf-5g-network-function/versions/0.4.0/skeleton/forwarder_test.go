package main

import (
	"bytes"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"
)

func TestDecide(t *testing.T) {
	echo := []byte{0x32, MsgEchoRequest, 0x00, 0x04, 0, 0, 0, 0, 0x00, 0x07, 0, 0}
	tests := []struct {
		name    string
		packet  []byte
		verdict Verdict
		wantErr bool
	}{
		{"echo request is answered", echo, Reply, false},
		{"G-PDU is forwarded", EncodeGPDU(1, []byte{0x45}), Forward, false},
		{"empty G-PDU is dropped", EncodeGPDU(1, nil), Drop, true},
		{"end marker is dropped", append([]byte{0x30, MsgEndMarker}, 0, 0, 0, 0, 0, 1), Drop, false},
		{"garbage is dropped", []byte("hello"), Drop, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			verdict, _, err := Decide(tt.packet, 0)
			if verdict != tt.verdict || (err != nil) != tt.wantErr {
				t.Fatalf("got %v, %v", verdict, err)
			}
		})
	}
}

// TestForwarderOverLoopback runs the forwarder on 127.0.0.1 sockets: a fake
// gNB sends an echo and a G-PDU, a fake data network receives the packet.
func TestForwarderOverLoopback(t *testing.T) {
	n3, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	dataNetwork, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer dataNetwork.Close()
	n6, err := net.DialUDP("udp", nil, dataNetwork.LocalAddr().(*net.UDPAddr))
	if err != nil {
		t.Fatal(err)
	}
	defer n6.Close()

	counters := &Counters{}
	forwarder := &Forwarder{N3: n3, N6: n6, RestartCounter: 1, Counters: counters,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	done := make(chan error, 1)
	go func() { done <- forwarder.Run() }()

	gnb, err := net.DialUDP("udp", nil, n3.LocalAddr().(*net.UDPAddr))
	if err != nil {
		t.Fatal(err)
	}
	defer gnb.Close()
	deadline := time.Now().Add(5 * time.Second)
	_ = gnb.SetDeadline(deadline)
	_ = dataNetwork.SetDeadline(deadline)

	if _, err := gnb.Write([]byte{0x32, MsgEchoRequest, 0x00, 0x04, 0, 0, 0, 0, 0x00, 0x09, 0, 0}); err != nil {
		t.Fatal(err)
	}
	reply := make([]byte, 64)
	n, err := gnb.Read(reply)
	if err != nil {
		t.Fatal(err)
	}
	if h, _, err := ParseHeader(reply[:n]); err != nil || h.Type != MsgEchoResponse || h.Seq != 9 {
		t.Fatalf("echo reply %+v, %v", h, err)
	}

	userPacket := []byte{0x45, 0x00, 0x00, 0x14}
	if _, err := gnb.Write(EncodeGPDU(42, userPacket)); err != nil {
		t.Fatal(err)
	}
	received := make([]byte, 64)
	n, err = dataNetwork.Read(received)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(received[:n], userPacket) {
		t.Fatalf("N6 got %x, want %x", received[:n], userPacket)
	}

	_ = n3.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if counters.Echoes.Load() != 1 || counters.Forwarded.Load() != 1 {
		t.Fatalf("echoes %d, forwarded %d", counters.Echoes.Load(), counters.Forwarded.Load())
	}
}
