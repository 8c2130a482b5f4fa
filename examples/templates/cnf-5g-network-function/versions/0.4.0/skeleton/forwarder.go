package main

import (
	"errors"
	"log/slog"
	"net"
	"sync/atomic"
	"time"
)

// Verdict is what the user plane does with one packet from N3.
type Verdict int

const (
	Drop    Verdict = iota
	Reply           // answer the sender (Echo Response)
	Forward         // send the inner user packet towards N6
)

// Decide is the whole per-packet logic, free of sockets so that it tests
// without a network: it returns the verdict and the bytes to send.
func Decide(packet []byte, restartCounter uint8) (Verdict, []byte, error) {
	h, offset, err := ParseHeader(packet)
	if err != nil {
		return Drop, nil, err
	}
	switch h.Type {
	case MsgEchoRequest:
		return Reply, EchoResponse(h, restartCounter), nil
	case MsgGPDU:
		if offset == len(packet) {
			return Drop, nil, errors.New("gtpu: G-PDU without a user packet")
		}
		return Forward, packet[offset:], nil
	default:
		return Drop, nil, nil
	}
}

// Counters are the user plane's Prometheus counters.
type Counters struct {
	Received  atomic.Uint64
	Forwarded atomic.Uint64
	Echoes    atomic.Uint64
	Dropped   atomic.Uint64
	Malformed atomic.Uint64
}

// Forwarder reads GTP-U from its N3 socket, answers echoes and sends user
// packets to N6. It uses kernel sockets, so it runs on any node; the
// production data plane of this path is DPDK on SR-IOV virtual functions.
type Forwarder struct {
	N3             *net.UDPConn
	N6             *net.UDPConn // nil: user packets are counted and dropped
	RestartCounter uint8
	Counters       *Counters
	Log            *slog.Logger
}

// Run serves until the N3 socket is closed.
func (f *Forwarder) Run() error {
	buf := make([]byte, 65535)
	for {
		n, from, err := f.N3.ReadFromUDP(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		f.Counters.Received.Add(1)
		verdict, out, err := Decide(buf[:n], f.RestartCounter)
		if err != nil {
			f.Counters.Malformed.Add(1)
			f.Log.Debug("malformed packet", "from", from.String(), "error", err)
			continue
		}
		switch verdict {
		case Reply:
			f.Counters.Echoes.Add(1)
			f.send(f.N3, out, from)
		case Forward:
			if f.N6 == nil {
				f.Counters.Dropped.Add(1)
				continue
			}
			f.send(f.N6, out, nil)
			f.Counters.Forwarded.Add(1)
		default:
			f.Counters.Dropped.Add(1)
		}
	}
}

func (f *Forwarder) send(conn *net.UDPConn, b []byte, to *net.UDPAddr) {
	_ = conn.SetWriteDeadline(time.Now().Add(100 * time.Millisecond))
	var err error
	if to != nil {
		_, err = conn.WriteToUDP(b, to)
	} else {
		_, err = conn.Write(b)
	}
	if err != nil {
		f.Counters.Dropped.Add(1)
		f.Log.Debug("send failed", "error", err)
	}
}
