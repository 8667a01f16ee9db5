package voice

import (
	"encoding/binary"
	"errors"
	"time"
)

// The trainee's audio as the browser sends it (docs/protocol.md, "Voice"):
// 16 kHz mono, signed 16-bit little-endian PCM.
const (
	SampleRate     = 16000
	BytesPerSecond = SampleRate * 2
	// ttsPCMRate is the rate of OpenAI's raw "pcm" speech: 24 kHz mono
	// s16le (Kokoro-FastAPI and speaches send the same).
	ttsPCMRate = 24000
)

// PCMDuration is how long n bytes of the trainee's PCM last.
func PCMDuration(n int) time.Duration {
	return time.Duration(n/2) * time.Second / SampleRate
}

// WAV wraps 16-bit mono PCM at rate in a RIFF/WAVE header, as the
// transcription endpoints expect a file.
func WAV(pcm []byte, rate int) []byte {
	pcm = pcm[:len(pcm)&^1]
	b := make([]byte, 44+len(pcm))
	copy(b[0:], "RIFF")
	binary.LittleEndian.PutUint32(b[4:], uint32(36+len(pcm)))
	copy(b[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(b[16:], 16) // fmt chunk size
	binary.LittleEndian.PutUint16(b[20:], 1)  // PCM
	binary.LittleEndian.PutUint16(b[22:], 1)  // mono
	binary.LittleEndian.PutUint32(b[24:], uint32(rate))
	binary.LittleEndian.PutUint32(b[28:], uint32(rate*2)) // bytes per second
	binary.LittleEndian.PutUint16(b[32:], 2)              // block align
	binary.LittleEndian.PutUint16(b[34:], 16)             // bits per sample
	copy(b[36:], "data")
	binary.LittleEndian.PutUint32(b[40:], uint32(len(pcm)))
	copy(b[44:], pcm)
	return b
}

var errNotWAV = errors.New("not a PCM WAV file")

// WAVInfo reads a WAV file's format and how long its audio lasts. It
// walks the chunks, so extra chunks (LIST, fact) are fine; a data chunk
// whose size is 0 or 0xFFFFFFFF (a streamed file) lasts to the end.
func WAVInfo(b []byte) (rate, channels, bits int, d time.Duration, err error) {
	if len(b) < 12 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return 0, 0, 0, 0, errNotWAV
	}
	var byteRate int
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:p+8]))
		body := p + 8
		switch id {
		case "fmt ":
			if body+16 > len(b) {
				return 0, 0, 0, 0, errNotWAV
			}
			channels = int(binary.LittleEndian.Uint16(b[body+2:]))
			rate = int(binary.LittleEndian.Uint32(b[body+4:]))
			byteRate = int(binary.LittleEndian.Uint32(b[body+8:]))
			bits = int(binary.LittleEndian.Uint16(b[body+14:]))
		case "data":
			if byteRate <= 0 {
				return 0, 0, 0, 0, errNotWAV
			}
			n := len(b) - body
			if size > 0 && size != 0xFFFFFFFF && size < n {
				n = size
			}
			return rate, channels, bits, time.Duration(n) * time.Second / time.Duration(byteRate), nil
		}
		if size < 0 || body+size < body || size == 0xFFFFFFFF {
			break
		}
		p = body + size + size&1
	}
	return 0, 0, 0, 0, errNotWAV
}

// AudioDuration is how long speech audio of format lasts, when it can be
// told from the bytes (wav, pcm); false for compressed formats.
func AudioDuration(format string, b []byte) (time.Duration, bool) {
	switch format {
	case "wav":
		_, _, _, d, err := WAVInfo(b)
		return d, err == nil
	case "pcm":
		return time.Duration(len(b)/2) * time.Second / ttsPCMRate, true
	}
	return 0, false
}
