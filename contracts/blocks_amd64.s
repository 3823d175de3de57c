#include "textflag.h"

// func sepBlocksAVX2(p *byte, n int, sep byte, masks *uint64) (high, nul uint64)
TEXT ·sepBlocksAVX2(SB), NOSPLIT, $0-48
	MOVQ    p+0(FP), SI
	MOVQ    n+8(FP), CX
	MOVBLZX sep+16(FP), AX
	MOVQ    masks+24(FP), DI
	MOVQ    AX, X0
	VPBROADCASTB X0, Y15     // the separator in every byte
	VPXOR   Y13, Y13, Y13    // the OR of all bytes: top bits of non-ASCII
	VPCMPEQB Y12, Y12, Y12   // the least of all bytes, from 0xff

loop:
	VMOVDQU (SI), Y0
	VMOVDQU 32(SI), Y1
	VPCMPEQB Y15, Y0, Y2
	VPCMPEQB Y15, Y1, Y3
	VPMOVMSKB Y2, AX
	VPMOVMSKB Y3, BX
	SHLQ    $32, BX
	ORQ     BX, AX
	MOVQ    AX, (DI)
	VPOR    Y0, Y13, Y13
	VPOR    Y1, Y13, Y13
	VPMINUB Y0, Y12, Y12
	VPMINUB Y1, Y12, Y12
	ADDQ    $64, SI
	ADDQ    $8, DI
	DECQ    CX
	JNZ     loop

	VPMOVMSKB Y13, AX        // a top bit set anywhere
	VPXOR   Y14, Y14, Y14
	VPCMPEQB Y14, Y12, Y12   // where the least byte is zero
	VPMOVMSKB Y12, BX
	VZEROUPPER
	MOVQ    AX, high+32(FP)
	MOVQ    BX, nul+40(FP)
	RET
