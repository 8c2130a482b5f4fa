package main

import (
	"bytes"
	"errors"
	"testing"
)

func TestParseHeaderOfAMinimalGPDU(t *testing.T) {
	packet := EncodeGPDU(0x01020304, []byte{0x45, 0x00})

	h, offset, err := ParseHeader(packet)
	if err != nil {
		t.Fatal(err)
	}
	if h.Type != MsgGPDU || h.TEID != 0x01020304 || h.Length != 2 || offset != 8 {
		t.Fatalf("got %+v at offset %d", h, offset)
	}
}

func TestParseHeaderWithSequenceNumberAndExtensionHeaders(t *testing.T) {
	packet := []byte{
		0x36, MsgGPDU, 0x00, 0x0c, // version 1, PT, E and S set; length 12
		0x00, 0x00, 0x00, 0x2a, // TEID 42
		0x12, 0x34, 0x00, 0x85, // sequence 0x1234, N-PDU 0, next: PDU session container
		0x01, 0x10, 0x09, 0x00, // one 4-octet extension (QFI 9), no further one
		0xde, 0xad, 0xbe, 0xef, // user packet
	}

	h, offset, err := ParseHeader(packet)
	if err != nil {
		t.Fatal(err)
	}
	if !h.HasSeq || h.Seq != 0x1234 || h.TEID != 42 {
		t.Fatalf("got %+v", h)
	}
	if len(h.ExtTypes) != 1 || h.ExtTypes[0] != 0x85 {
		t.Fatalf("extension types %v", h.ExtTypes)
	}
	if !bytes.Equal(packet[offset:], []byte{0xde, 0xad, 0xbe, 0xef}) {
		t.Fatalf("payload %x", packet[offset:])
	}
}

func TestParseHeaderRejectsBrokenPackets(t *testing.T) {
	valid := EncodeGPDU(7, []byte{1, 2, 3})
	tests := []struct {
		name   string
		packet []byte
		want   error
	}{
		{"too short", valid[:5], ErrShort},
		{"GTP version 2", append([]byte{0x50}, valid[1:]...), ErrVersion},
		{"GTP prime", append([]byte{0x20}, valid[1:]...), ErrNotGTP},
		{"length too long", append(valid[:len(valid):len(valid)], 0xff), ErrLength},
		{"extension running past the end", []byte{
			0x34, MsgGPDU, 0x00, 0x08,
			0x00, 0x00, 0x00, 0x01,
			0x00, 0x00, 0x00, 0x85,
			0x02, 0x00, 0x00, 0x00, // claims 8 octets, has 4
		}, ErrExtension},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := ParseHeader(tt.packet); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestEchoResponseKeepsTheSequenceNumber(t *testing.T) {
	request := []byte{0x32, MsgEchoRequest, 0x00, 0x04, 0, 0, 0, 0, 0xab, 0xcd, 0, 0}
	req, _, err := ParseHeader(request)
	if err != nil {
		t.Fatal(err)
	}

	resp, _, err := ParseHeader(EchoResponse(req, 3))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Type != MsgEchoResponse || resp.Seq != 0xabcd || resp.TEID != 0 {
		t.Fatalf("got %+v", resp)
	}
}
