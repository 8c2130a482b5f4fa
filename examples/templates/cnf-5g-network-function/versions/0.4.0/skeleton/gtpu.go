package main

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// GTP-U (3GPP TS 29.281) message types this user plane handles.
const (
	MsgEchoRequest  = 1
	MsgEchoResponse = 2
	MsgErrorInd     = 26
	MsgEndMarker    = 254
	MsgGPDU         = 255 // carries one user packet (T-PDU)
)

// GTPUPort is the registered UDP port of GTP-U on N3 and N9.
const GTPUPort = 2152

const (
	flagVersionMask = 0xE0
	flagPT          = 0x10 // protocol type: 1 = GTP, 0 = GTP'
	flagE           = 0x04 // extension header present
	flagS           = 0x02 // sequence number present
	flagPN          = 0x01 // N-PDU number present

	mandatoryLen = 8
	optionalLen  = 4
	recoveryIE   = 14
)

// Header is a parsed GTP-U header.
type Header struct {
	Type     uint8
	Length   uint16 // octets after the mandatory 8-octet header
	TEID     uint32
	HasSeq   bool
	Seq      uint16
	NPDU     uint8
	ExtTypes []uint8 // types of the extension headers, in order
}

// Errors returned by ParseHeader.
var (
	ErrShort     = errors.New("gtpu: packet shorter than its header")
	ErrVersion   = errors.New("gtpu: not GTP version 1")
	ErrNotGTP    = errors.New("gtpu: protocol type is GTP', not GTP")
	ErrLength    = errors.New("gtpu: length field does not match the packet")
	ErrExtension = errors.New("gtpu: malformed extension header")
)

// ParseHeader parses the GTP-U header at the start of b and returns it with
// the offset of the payload. It never reads past len(b) and does not copy.
func ParseHeader(b []byte) (Header, int, error) {
	var h Header
	if len(b) < mandatoryLen {
		return h, 0, ErrShort
	}
	flags := b[0]
	if flags&flagVersionMask != 1<<5 {
		return h, 0, ErrVersion
	}
	if flags&flagPT == 0 {
		return h, 0, ErrNotGTP
	}
	h.Type = b[1]
	h.Length = binary.BigEndian.Uint16(b[2:4])
	h.TEID = binary.BigEndian.Uint32(b[4:8])
	if int(h.Length) != len(b)-mandatoryLen {
		return h, 0, fmt.Errorf("%w: says %d, have %d", ErrLength, h.Length, len(b)-mandatoryLen)
	}

	offset := mandatoryLen
	if flags&(flagE|flagS|flagPN) == 0 {
		return h, offset, nil
	}
	// Any of E, S or PN means all four optional octets are present.
	if len(b) < offset+optionalLen {
		return h, 0, ErrShort
	}
	h.HasSeq = flags&flagS != 0
	h.Seq = binary.BigEndian.Uint16(b[8:10])
	h.NPDU = b[10]
	next := b[11]
	offset += optionalLen
	if flags&flagE == 0 {
		return h, offset, nil
	}
	for next != 0 {
		if len(b) < offset+1 {
			return h, 0, ErrExtension
		}
		// The length octet counts 4-octet units, including itself.
		units := int(b[offset])
		if units == 0 || len(b) < offset+4*units {
			return h, 0, ErrExtension
		}
		h.ExtTypes = append(h.ExtTypes, next)
		next = b[offset+4*units-1]
		offset += 4 * units
	}
	return h, offset, nil
}

// EchoResponse builds the reply to an Echo Request: same sequence number,
// TEID 0, and the Recovery information element that TS 29.281 requires.
func EchoResponse(req Header, restartCounter uint8) []byte {
	b := make([]byte, mandatoryLen+optionalLen+2)
	b[0] = 1<<5 | flagPT | flagS
	b[1] = MsgEchoResponse
	binary.BigEndian.PutUint16(b[2:4], uint16(len(b)-mandatoryLen))
	// TEID stays 0 for path management messages.
	binary.BigEndian.PutUint16(b[8:10], req.Seq)
	b[12] = recoveryIE
	b[13] = restartCounter
	return b
}

// EncodeGPDU wraps a user packet in a G-PDU for the tunnel with this TEID.
func EncodeGPDU(teid uint32, payload []byte) []byte {
	b := make([]byte, mandatoryLen+len(payload))
	b[0] = 1<<5 | flagPT
	b[1] = MsgGPDU
	binary.BigEndian.PutUint16(b[2:4], uint16(len(payload)))
	binary.BigEndian.PutUint32(b[4:8], teid)
	copy(b[mandatoryLen:], payload)
	return b
}
