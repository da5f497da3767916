// Deep nesting that Go compiles: 200 nested blocks, 200 nested ifs,
// 100 nested function literals and an else-if chain of 300 cases.
package main

import "fmt"

func classify(x int) string {
	if x == 0 {
		return "zero"
	} else if x == 1 {
		return "case 1"
	} else if x == 2 {
		return "case 2"
	} else if x == 3 {
		return "case 3"
	} else if x == 4 {
		return "case 4"
	} else if x == 5 {
		return "case 5"
	} else if x == 6 {
		return "case 6"
	} else if x == 7 {
		return "case 7"
	} else if x == 8 {
		return "case 8"
	} else if x == 9 {
		return "case 9"
	} else if x == 10 {
		return "case 10"
	} else if x == 11 {
		return "case 11"
	} else if x == 12 {
		return "case 12"
	} else if x == 13 {
		return "case 13"
	} else if x == 14 {
		return "case 14"
	} else if x == 15 {
		return "case 15"
	} else if x == 16 {
		return "case 16"
	} else if x == 17 {
		return "case 17"
	} else if x == 18 {
		return "case 18"
	} else if x == 19 {
		return "case 19"
	} else if x == 20 {
		return "case 20"
	} else if x == 21 {
		return "case 21"
	} else if x == 22 {
		return "case 22"
	} else if x == 23 {
		return "case 23"
	} else if x == 24 {
		return "case 24"
	} else if x == 25 {
		return "case 25"
	} else if x == 26 {
		return "case 26"
	} else if x == 27 {
		return "case 27"
	} else if x == 28 {
		return "case 28"
	} else if x == 29 {
		return "case 29"
	} else if x == 30 {
		return "case 30"
	} else if x == 31 {
		return "case 31"
	} else if x == 32 {
		return "case 32"
	} else if x == 33 {
		return "case 33"
	} else if x == 34 {
		return "case 34"
	} else if x == 35 {
		return "case 35"
	} else if x == 36 {
		return "case 36"
	} else if x == 37 {
		return "case 37"
	} else if x == 38 {
		return "case 38"
	} else if x == 39 {
		return "case 39"
	} else if x == 40 {
		return "case 40"
	} else if x == 41 {
		return "case 41"
	} else if x == 42 {
		return "case 42"
	} else if x == 43 {
		return "case 43"
	} else if x == 44 {
		return "case 44"
	} else if x == 45 {
		return "case 45"
	} else if x == 46 {
		return "case 46"
	} else if x == 47 {
		return "case 47"
	} else if x == 48 {
		return "case 48"
	} else if x == 49 {
		return "case 49"
	} else if x == 50 {
		return "case 50"
	} else if x == 51 {
		return "case 51"
	} else if x == 52 {
		return "case 52"
	} else if x == 53 {
		return "case 53"
	} else if x == 54 {
		return "case 54"
	} else if x == 55 {
		return "case 55"
	} else if x == 56 {
		return "case 56"
	} else if x == 57 {
		return "case 57"
	} else if x == 58 {
		return "case 58"
	} else if x == 59 {
		return "case 59"
	} else if x == 60 {
		return "case 60"
	} else if x == 61 {
		return "case 61"
	} else if x == 62 {
		return "case 62"
	} else if x == 63 {
		return "case 63"
	} else if x == 64 {
		return "case 64"
	} else if x == 65 {
		return "case 65"
	} else if x == 66 {
		return "case 66"
	} else if x == 67 {
		return "case 67"
	} else if x == 68 {
		return "case 68"
	} else if x == 69 {
		return "case 69"
	} else if x == 70 {
		return "case 70"
	} else if x == 71 {
		return "case 71"
	} else if x == 72 {
		return "case 72"
	} else if x == 73 {
		return "case 73"
	} else if x == 74 {
		return "case 74"
	} else if x == 75 {
		return "case 75"
	} else if x == 76 {
		return "case 76"
	} else if x == 77 {
		return "case 77"
	} else if x == 78 {
		return "case 78"
	} else if x == 79 {
		return "case 79"
	} else if x == 80 {
		return "case 80"
	} else if x == 81 {
		return "case 81"
	} else if x == 82 {
		return "case 82"
	} else if x == 83 {
		return "case 83"
	} else if x == 84 {
		return "case 84"
	} else if x == 85 {
		return "case 85"
	} else if x == 86 {
		return "case 86"
	} else if x == 87 {
		return "case 87"
	} else if x == 88 {
		return "case 88"
	} else if x == 89 {
		return "case 89"
	} else if x == 90 {
		return "case 90"
	} else if x == 91 {
		return "case 91"
	} else if x == 92 {
		return "case 92"
	} else if x == 93 {
		return "case 93"
	} else if x == 94 {
		return "case 94"
	} else if x == 95 {
		return "case 95"
	} else if x == 96 {
		return "case 96"
	} else if x == 97 {
		return "case 97"
	} else if x == 98 {
		return "case 98"
	} else if x == 99 {
		return "case 99"
	} else if x == 100 {
		return "case 100"
	} else if x == 101 {
		return "case 101"
	} else if x == 102 {
		return "case 102"
	} else if x == 103 {
		return "case 103"
	} else if x == 104 {
		return "case 104"
	} else if x == 105 {
		return "case 105"
	} else if x == 106 {
		return "case 106"
	} else if x == 107 {
		return "case 107"
	} else if x == 108 {
		return "case 108"
	} else if x == 109 {
		return "case 109"
	} else if x == 110 {
		return "case 110"
	} else if x == 111 {
		return "case 111"
	} else if x == 112 {
		return "case 112"
	} else if x == 113 {
		return "case 113"
	} else if x == 114 {
		return "case 114"
	} else if x == 115 {
		return "case 115"
	} else if x == 116 {
		return "case 116"
	} else if x == 117 {
		return "case 117"
	} else if x == 118 {
		return "case 118"
	} else if x == 119 {
		return "case 119"
	} else if x == 120 {
		return "case 120"
	} else if x == 121 {
		return "case 121"
	} else if x == 122 {
		return "case 122"
	} else if x == 123 {
		return "case 123"
	} else if x == 124 {
		return "case 124"
	} else if x == 125 {
		return "case 125"
	} else if x == 126 {
		return "case 126"
	} else if x == 127 {
		return "case 127"
	} else if x == 128 {
		return "case 128"
	} else if x == 129 {
		return "case 129"
	} else if x == 130 {
		return "case 130"
	} else if x == 131 {
		return "case 131"
	} else if x == 132 {
		return "case 132"
	} else if x == 133 {
		return "case 133"
	} else if x == 134 {
		return "case 134"
	} else if x == 135 {
		return "case 135"
	} else if x == 136 {
		return "case 136"
	} else if x == 137 {
		return "case 137"
	} else if x == 138 {
		return "case 138"
	} else if x == 139 {
		return "case 139"
	} else if x == 140 {
		return "case 140"
	} else if x == 141 {
		return "case 141"
	} else if x == 142 {
		return "case 142"
	} else if x == 143 {
		return "case 143"
	} else if x == 144 {
		return "case 144"
	} else if x == 145 {
		return "case 145"
	} else if x == 146 {
		return "case 146"
	} else if x == 147 {
		return "case 147"
	} else if x == 148 {
		return "case 148"
	} else if x == 149 {
		return "case 149"
	} else if x == 150 {
		return "case 150"
	} else if x == 151 {
		return "case 151"
	} else if x == 152 {
		return "case 152"
	} else if x == 153 {
		return "case 153"
	} else if x == 154 {
		return "case 154"
	} else if x == 155 {
		return "case 155"
	} else if x == 156 {
		return "case 156"
	} else if x == 157 {
		return "case 157"
	} else if x == 158 {
		return "case 158"
	} else if x == 159 {
		return "case 159"
	} else if x == 160 {
		return "case 160"
	} else if x == 161 {
		return "case 161"
	} else if x == 162 {
		return "case 162"
	} else if x == 163 {
		return "case 163"
	} else if x == 164 {
		return "case 164"
	} else if x == 165 {
		return "case 165"
	} else if x == 166 {
		return "case 166"
	} else if x == 167 {
		return "case 167"
	} else if x == 168 {
		return "case 168"
	} else if x == 169 {
		return "case 169"
	} else if x == 170 {
		return "case 170"
	} else if x == 171 {
		return "case 171"
	} else if x == 172 {
		return "case 172"
	} else if x == 173 {
		return "case 173"
	} else if x == 174 {
		return "case 174"
	} else if x == 175 {
		return "case 175"
	} else if x == 176 {
		return "case 176"
	} else if x == 177 {
		return "case 177"
	} else if x == 178 {
		return "case 178"
	} else if x == 179 {
		return "case 179"
	} else if x == 180 {
		return "case 180"
	} else if x == 181 {
		return "case 181"
	} else if x == 182 {
		return "case 182"
	} else if x == 183 {
		return "case 183"
	} else if x == 184 {
		return "case 184"
	} else if x == 185 {
		return "case 185"
	} else if x == 186 {
		return "case 186"
	} else if x == 187 {
		return "case 187"
	} else if x == 188 {
		return "case 188"
	} else if x == 189 {
		return "case 189"
	} else if x == 190 {
		return "case 190"
	} else if x == 191 {
		return "case 191"
	} else if x == 192 {
		return "case 192"
	} else if x == 193 {
		return "case 193"
	} else if x == 194 {
		return "case 194"
	} else if x == 195 {
		return "case 195"
	} else if x == 196 {
		return "case 196"
	} else if x == 197 {
		return "case 197"
	} else if x == 198 {
		return "case 198"
	} else if x == 199 {
		return "case 199"
	} else if x == 200 {
		return "case 200"
	} else if x == 201 {
		return "case 201"
	} else if x == 202 {
		return "case 202"
	} else if x == 203 {
		return "case 203"
	} else if x == 204 {
		return "case 204"
	} else if x == 205 {
		return "case 205"
	} else if x == 206 {
		return "case 206"
	} else if x == 207 {
		return "case 207"
	} else if x == 208 {
		return "case 208"
	} else if x == 209 {
		return "case 209"
	} else if x == 210 {
		return "case 210"
	} else if x == 211 {
		return "case 211"
	} else if x == 212 {
		return "case 212"
	} else if x == 213 {
		return "case 213"
	} else if x == 214 {
		return "case 214"
	} else if x == 215 {
		return "case 215"
	} else if x == 216 {
		return "case 216"
	} else if x == 217 {
		return "case 217"
	} else if x == 218 {
		return "case 218"
	} else if x == 219 {
		return "case 219"
	} else if x == 220 {
		return "case 220"
	} else if x == 221 {
		return "case 221"
	} else if x == 222 {
		return "case 222"
	} else if x == 223 {
		return "case 223"
	} else if x == 224 {
		return "case 224"
	} else if x == 225 {
		return "case 225"
	} else if x == 226 {
		return "case 226"
	} else if x == 227 {
		return "case 227"
	} else if x == 228 {
		return "case 228"
	} else if x == 229 {
		return "case 229"
	} else if x == 230 {
		return "case 230"
	} else if x == 231 {
		return "case 231"
	} else if x == 232 {
		return "case 232"
	} else if x == 233 {
		return "case 233"
	} else if x == 234 {
		return "case 234"
	} else if x == 235 {
		return "case 235"
	} else if x == 236 {
		return "case 236"
	} else if x == 237 {
		return "case 237"
	} else if x == 238 {
		return "case 238"
	} else if x == 239 {
		return "case 239"
	} else if x == 240 {
		return "case 240"
	} else if x == 241 {
		return "case 241"
	} else if x == 242 {
		return "case 242"
	} else if x == 243 {
		return "case 243"
	} else if x == 244 {
		return "case 244"
	} else if x == 245 {
		return "case 245"
	} else if x == 246 {
		return "case 246"
	} else if x == 247 {
		return "case 247"
	} else if x == 248 {
		return "case 248"
	} else if x == 249 {
		return "case 249"
	} else if x == 250 {
		return "case 250"
	} else if x == 251 {
		return "case 251"
	} else if x == 252 {
		return "case 252"
	} else if x == 253 {
		return "case 253"
	} else if x == 254 {
		return "case 254"
	} else if x == 255 {
		return "case 255"
	} else if x == 256 {
		return "case 256"
	} else if x == 257 {
		return "case 257"
	} else if x == 258 {
		return "case 258"
	} else if x == 259 {
		return "case 259"
	} else if x == 260 {
		return "case 260"
	} else if x == 261 {
		return "case 261"
	} else if x == 262 {
		return "case 262"
	} else if x == 263 {
		return "case 263"
	} else if x == 264 {
		return "case 264"
	} else if x == 265 {
		return "case 265"
	} else if x == 266 {
		return "case 266"
	} else if x == 267 {
		return "case 267"
	} else if x == 268 {
		return "case 268"
	} else if x == 269 {
		return "case 269"
	} else if x == 270 {
		return "case 270"
	} else if x == 271 {
		return "case 271"
	} else if x == 272 {
		return "case 272"
	} else if x == 273 {
		return "case 273"
	} else if x == 274 {
		return "case 274"
	} else if x == 275 {
		return "case 275"
	} else if x == 276 {
		return "case 276"
	} else if x == 277 {
		return "case 277"
	} else if x == 278 {
		return "case 278"
	} else if x == 279 {
		return "case 279"
	} else if x == 280 {
		return "case 280"
	} else if x == 281 {
		return "case 281"
	} else if x == 282 {
		return "case 282"
	} else if x == 283 {
		return "case 283"
	} else if x == 284 {
		return "case 284"
	} else if x == 285 {
		return "case 285"
	} else if x == 286 {
		return "case 286"
	} else if x == 287 {
		return "case 287"
	} else if x == 288 {
		return "case 288"
	} else if x == 289 {
		return "case 289"
	} else if x == 290 {
		return "case 290"
	} else if x == 291 {
		return "case 291"
	} else if x == 292 {
		return "case 292"
	} else if x == 293 {
		return "case 293"
	} else if x == 294 {
		return "case 294"
	} else if x == 295 {
		return "case 295"
	} else if x == 296 {
		return "case 296"
	} else if x == 297 {
		return "case 297"
	} else if x == 298 {
		return "case 298"
	} else if x == 299 {
		return "case 299"
	}
	return "many"
}

func main() {
	depth := 0
	{
		depth++
		{
			depth++
			{
				depth++
				{
					depth++
					{
						depth++
						{
							depth++
							{
								depth++
								{
									depth++
									{
										depth++
										{
											depth++
											{
												depth++
												{
													depth++
													{
														depth++
														{
															depth++
															{
																depth++
																{
																	depth++
																	{
																		depth++
																		{
																			depth++
																			{
																				depth++
																				{
																					depth++
																					{
																						depth++
																						{
																							depth++
																							{
																								depth++
																								{
																									depth++
																									{
																										depth++
																										{
																											depth++
																											{
																												depth++
																												{
																													depth++
																													{
																														depth++
																														{
																															depth++
																															{
																																depth++
																																{
																																	depth++
																																	{
																																		depth++
																																		{
																																			depth++
																																			{
																																				depth++
																																				{
																																					depth++
																																					{
																																						depth++
																																						{
																																							depth++
																																							{
																																								depth++
																																								{
																																									depth++
																																									{
																																										depth++
																																										{
																																											depth++
																																											{
																																												depth++
																																												{
																																													depth++
																																													{
																																														depth++
																																														{
																																															depth++
																																															{
																																																depth++
																																																{
																																																	depth++
																																																	{
																																																		depth++
																																																		{
																																																			depth++
																																																			{
																																																				depth++
																																																				{
																																																					depth++
																																																					{
																																																						depth++
																																																						{
																																																							depth++
																																																							{
																																																								depth++
																																																								{
																																																									depth++
																																																									{
																																																										depth++
																																																										{
																																																											depth++
																																																											{
																																																												depth++
																																																												{
																																																													depth++
																																																													{
																																																														depth++
																																																														{
																																																															depth++
																																																															{
																																																																depth++
																																																																{
																																																																	depth++
																																																																	{
																																																																		depth++
																																																																		{
																																																																			depth++
																																																																			{
																																																																				depth++
																																																																				{
																																																																					depth++
																																																																					{
																																																																						depth++
																																																																						{
																																																																							depth++
																																																																							{
																																																																								depth++
																																																																								{
																																																																									depth++
																																																																									{
																																																																										depth++
																																																																										{
																																																																											depth++
																																																																											{
																																																																												depth++
																																																																												{
																																																																													depth++
																																																																													{
																																																																														depth++
																																																																														{
																																																																															depth++
																																																																															{
																																																																																depth++
																																																																																{
																																																																																	depth++
																																																																																	{
																																																																																		depth++
																																																																																		{
																																																																																			depth++
																																																																																			{
																																																																																				depth++
																																																																																				{
																																																																																					depth++
																																																																																					{
																																																																																						depth++
																																																																																						{
																																																																																							depth++
																																																																																							{
																																																																																								depth++
																																																																																								{
																																																																																									depth++
																																																																																									{
																																																																																										depth++
																																																																																										{
																																																																																											depth++
																																																																																											{
																																																																																												depth++
																																																																																												{
																																																																																													depth++
																																																																																													{
																																																																																														depth++
																																																																																														{
																																																																																															depth++
																																																																																															{
																																																																																																depth++
																																																																																																{
																																																																																																	depth++
																																																																																																	{
																																																																																																		depth++
																																																																																																		{
																																																																																																			depth++
																																																																																																			{
																																																																																																				depth++
																																																																																																				{
																																																																																																					depth++
																																																																																																					{
																																																																																																						depth++
																																																																																																						{
																																																																																																							depth++
																																																																																																							{
																																																																																																								depth++
																																																																																																								{
																																																																																																									depth++
																																																																																																									{
																																																																																																										depth++
																																																																																																										{
																																																																																																											depth++
																																																																																																											{
																																																																																																												depth++
																																																																																																												{
																																																																																																													depth++
																																																																																																													{
																																																																																																														depth++
																																																																																																														{
																																																																																																															depth++
																																																																																																															{
																																																																																																																depth++
																																																																																																																{
																																																																																																																	depth++
																																																																																																																	{
																																																																																																																		depth++
																																																																																																																		{
																																																																																																																			depth++
																																																																																																																			{
																																																																																																																				depth++
																																																																																																																				{
																																																																																																																					depth++
																																																																																																																					{
																																																																																																																						depth++
																																																																																																																						{
																																																																																																																							depth++
																																																																																																																							{
																																																																																																																								depth++
																																																																																																																								{
																																																																																																																									depth++
																																																																																																																									{
																																																																																																																										depth++
																																																																																																																										{
																																																																																																																											depth++
																																																																																																																											{
																																																																																																																												depth++
																																																																																																																												{
																																																																																																																													depth++
																																																																																																																													{
																																																																																																																														depth++
																																																																																																																														{
																																																																																																																															depth++
																																																																																																																															{
																																																																																																																																depth++
																																																																																																																																{
																																																																																																																																	depth++
																																																																																																																																	{
																																																																																																																																		depth++
																																																																																																																																		{
																																																																																																																																			depth++
																																																																																																																																			{
																																																																																																																																				depth++
																																																																																																																																				{
																																																																																																																																					depth++
																																																																																																																																					{
																																																																																																																																						depth++
																																																																																																																																						{
																																																																																																																																							depth++
																																																																																																																																							{
																																																																																																																																								depth++
																																																																																																																																								{
																																																																																																																																									depth++
																																																																																																																																									{
																																																																																																																																										depth++
																																																																																																																																										{
																																																																																																																																											depth++
																																																																																																																																											{
																																																																																																																																												depth++
																																																																																																																																												{
																																																																																																																																													depth++
																																																																																																																																													{
																																																																																																																																														depth++
																																																																																																																																														{
																																																																																																																																															depth++
																																																																																																																																															{
																																																																																																																																																depth++
																																																																																																																																																{
																																																																																																																																																	depth++
																																																																																																																																																	{
																																																																																																																																																		depth++
																																																																																																																																																		{
																																																																																																																																																			depth++
																																																																																																																																																			{
																																																																																																																																																				depth++
																																																																																																																																																				{
																																																																																																																																																					depth++
																																																																																																																																																					{
																																																																																																																																																						depth++
																																																																																																																																																						{
																																																																																																																																																							depth++
																																																																																																																																																							{
																																																																																																																																																								depth++
																																																																																																																																																								{
																																																																																																																																																									depth++
																																																																																																																																																									{
																																																																																																																																																										depth++
																																																																																																																																																										{
																																																																																																																																																											depth++
																																																																																																																																																											{
																																																																																																																																																												depth++
																																																																																																																																																												{
																																																																																																																																																													depth++
																																																																																																																																																													{
																																																																																																																																																														depth++
																																																																																																																																																														{
																																																																																																																																																															depth++
																																																																																																																																																															{
																																																																																																																																																																depth++
																																																																																																																																																																{
																																																																																																																																																																	depth++
																																																																																																																																																																	{
																																																																																																																																																																		depth++
																																																																																																																																																																		{
																																																																																																																																																																			depth++
																																																																																																																																																																			{
																																																																																																																																																																				depth++
																																																																																																																																																																				{
																																																																																																																																																																					depth++
																																																																																																																																																																					{
																																																																																																																																																																						depth++
																																																																																																																																																																						{
																																																																																																																																																																							depth++
																																																																																																																																																																							{
																																																																																																																																																																								depth++
																																																																																																																																																																								{
																																																																																																																																																																									depth++
																																																																																																																																																																									{
																																																																																																																																																																										depth++
																																																																																																																																																																										{
																																																																																																																																																																											depth++
																																																																																																																																																																											{
																																																																																																																																																																												depth++
																																																																																																																																																																												{
																																																																																																																																																																													depth++
																																																																																																																																																																													{
																																																																																																																																																																														depth++
																																																																																																																																																																														{
																																																																																																																																																																															depth++
																																																																																																																																																																															{
																																																																																																																																																																																depth++
																																																																																																																																																																																{
																																																																																																																																																																																	depth++
																																																																																																																																																																																	{
																																																																																																																																																																																		depth++
																																																																																																																																																																																		{
																																																																																																																																																																																			depth++
																																																																																																																																																																																			{
																																																																																																																																																																																				depth++
																																																																																																																																																																																				{
																																																																																																																																																																																					depth++
																																																																																																																																																																																					{
																																																																																																																																																																																						depth++
																																																																																																																																																																																						{
																																																																																																																																																																																							depth++
																																																																																																																																																																																							{
																																																																																																																																																																																								depth++
																																																																																																																																																																																								{
																																																																																																																																																																																									depth++
																																																																																																																																																																																									{
																																																																																																																																																																																										depth++
																																																																																																																																																																																										{
																																																																																																																																																																																											depth++
																																																																																																																																																																																											{
																																																																																																																																																																																												depth++
																																																																																																																																																																																												{
																																																																																																																																																																																													depth++
																																																																																																																																																																																													{
																																																																																																																																																																																														depth++
																																																																																																																																																																																														{
																																																																																																																																																																																															depth++
																																																																																																																																																																																															{
																																																																																																																																																																																																depth++
																																																																																																																																																																																																{
																																																																																																																																																																																																	depth++
																																																																																																																																																																																																	{
																																																																																																																																																																																																		depth++
																																																																																																																																																																																																		{
																																																																																																																																																																																																			depth++
																																																																																																																																																																																																			{
																																																																																																																																																																																																				depth++
																																																																																																																																																																																																				{
																																																																																																																																																																																																					depth++
																																																																																																																																																																																																					{
																																																																																																																																																																																																						depth++
																																																																																																																																																																																																						{
																																																																																																																																																																																																							depth++
																																																																																																																																																																																																							{
																																																																																																																																																																																																								depth++
																																																																																																																																																																																																								{
																																																																																																																																																																																																									depth++
																																																																																																																																																																																																								}
																																																																																																																																																																																																							}
																																																																																																																																																																																																						}
																																																																																																																																																																																																					}
																																																																																																																																																																																																				}
																																																																																																																																																																																																			}
																																																																																																																																																																																																		}
																																																																																																																																																																																																	}
																																																																																																																																																																																																}
																																																																																																																																																																																															}
																																																																																																																																																																																														}
																																																																																																																																																																																													}
																																																																																																																																																																																												}
																																																																																																																																																																																											}
																																																																																																																																																																																										}
																																																																																																																																																																																									}
																																																																																																																																																																																								}
																																																																																																																																																																																							}
																																																																																																																																																																																						}
																																																																																																																																																																																					}
																																																																																																																																																																																				}
																																																																																																																																																																																			}
																																																																																																																																																																																		}
																																																																																																																																																																																	}
																																																																																																																																																																																}
																																																																																																																																																																															}
																																																																																																																																																																														}
																																																																																																																																																																													}
																																																																																																																																																																												}
																																																																																																																																																																											}
																																																																																																																																																																										}
																																																																																																																																																																									}
																																																																																																																																																																								}
																																																																																																																																																																							}
																																																																																																																																																																						}
																																																																																																																																																																					}
																																																																																																																																																																				}
																																																																																																																																																																			}
																																																																																																																																																																		}
																																																																																																																																																																	}
																																																																																																																																																																}
																																																																																																																																																															}
																																																																																																																																																														}
																																																																																																																																																													}
																																																																																																																																																												}
																																																																																																																																																											}
																																																																																																																																																										}
																																																																																																																																																									}
																																																																																																																																																								}
																																																																																																																																																							}
																																																																																																																																																						}
																																																																																																																																																					}
																																																																																																																																																				}
																																																																																																																																																			}
																																																																																																																																																		}
																																																																																																																																																	}
																																																																																																																																																}
																																																																																																																																															}
																																																																																																																																														}
																																																																																																																																													}
																																																																																																																																												}
																																																																																																																																											}
																																																																																																																																										}
																																																																																																																																									}
																																																																																																																																								}
																																																																																																																																							}
																																																																																																																																						}
																																																																																																																																					}
																																																																																																																																				}
																																																																																																																																			}
																																																																																																																																		}
																																																																																																																																	}
																																																																																																																																}
																																																																																																																															}
																																																																																																																														}
																																																																																																																													}
																																																																																																																												}
																																																																																																																											}
																																																																																																																										}
																																																																																																																									}
																																																																																																																								}
																																																																																																																							}
																																																																																																																						}
																																																																																																																					}
																																																																																																																				}
																																																																																																																			}
																																																																																																																		}
																																																																																																																	}
																																																																																																																}
																																																																																																															}
																																																																																																														}
																																																																																																													}
																																																																																																												}
																																																																																																											}
																																																																																																										}
																																																																																																									}
																																																																																																								}
																																																																																																							}
																																																																																																						}
																																																																																																					}
																																																																																																				}
																																																																																																			}
																																																																																																		}
																																																																																																	}
																																																																																																}
																																																																																															}
																																																																																														}
																																																																																													}
																																																																																												}
																																																																																											}
																																																																																										}
																																																																																									}
																																																																																								}
																																																																																							}
																																																																																						}
																																																																																					}
																																																																																				}
																																																																																			}
																																																																																		}
																																																																																	}
																																																																																}
																																																																															}
																																																																														}
																																																																													}
																																																																												}
																																																																											}
																																																																										}
																																																																									}
																																																																								}
																																																																							}
																																																																						}
																																																																					}
																																																																				}
																																																																			}
																																																																		}
																																																																	}
																																																																}
																																																															}
																																																														}
																																																													}
																																																												}
																																																											}
																																																										}
																																																									}
																																																								}
																																																							}
																																																						}
																																																					}
																																																				}
																																																			}
																																																		}
																																																	}
																																																}
																																															}
																																														}
																																													}
																																												}
																																											}
																																										}
																																									}
																																								}
																																							}
																																						}
																																					}
																																				}
																																			}
																																		}
																																	}
																																}
																															}
																														}
																													}
																												}
																											}
																										}
																									}
																								}
																							}
																						}
																					}
																				}
																			}
																		}
																	}
																}
															}
														}
													}
												}
											}
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
	fmt.Println("blocks:", depth)
	ifs := 0
	if ifs == 0 {
		ifs++
		if ifs == 1 {
			ifs++
			if ifs == 2 {
				ifs++
				if ifs == 3 {
					ifs++
					if ifs == 4 {
						ifs++
						if ifs == 5 {
							ifs++
							if ifs == 6 {
								ifs++
								if ifs == 7 {
									ifs++
									if ifs == 8 {
										ifs++
										if ifs == 9 {
											ifs++
											if ifs == 10 {
												ifs++
												if ifs == 11 {
													ifs++
													if ifs == 12 {
														ifs++
														if ifs == 13 {
															ifs++
															if ifs == 14 {
																ifs++
																if ifs == 15 {
																	ifs++
																	if ifs == 16 {
																		ifs++
																		if ifs == 17 {
																			ifs++
																			if ifs == 18 {
																				ifs++
																				if ifs == 19 {
																					ifs++
																					if ifs == 20 {
																						ifs++
																						if ifs == 21 {
																							ifs++
																							if ifs == 22 {
																								ifs++
																								if ifs == 23 {
																									ifs++
																									if ifs == 24 {
																										ifs++
																										if ifs == 25 {
																											ifs++
																											if ifs == 26 {
																												ifs++
																												if ifs == 27 {
																													ifs++
																													if ifs == 28 {
																														ifs++
																														if ifs == 29 {
																															ifs++
																															if ifs == 30 {
																																ifs++
																																if ifs == 31 {
																																	ifs++
																																	if ifs == 32 {
																																		ifs++
																																		if ifs == 33 {
																																			ifs++
																																			if ifs == 34 {
																																				ifs++
																																				if ifs == 35 {
																																					ifs++
																																					if ifs == 36 {
																																						ifs++
																																						if ifs == 37 {
																																							ifs++
																																							if ifs == 38 {
																																								ifs++
																																								if ifs == 39 {
																																									ifs++
																																									if ifs == 40 {
																																										ifs++
																																										if ifs == 41 {
																																											ifs++
																																											if ifs == 42 {
																																												ifs++
																																												if ifs == 43 {
																																													ifs++
																																													if ifs == 44 {
																																														ifs++
																																														if ifs == 45 {
																																															ifs++
																																															if ifs == 46 {
																																																ifs++
																																																if ifs == 47 {
																																																	ifs++
																																																	if ifs == 48 {
																																																		ifs++
																																																		if ifs == 49 {
																																																			ifs++
																																																			if ifs == 50 {
																																																				ifs++
																																																				if ifs == 51 {
																																																					ifs++
																																																					if ifs == 52 {
																																																						ifs++
																																																						if ifs == 53 {
																																																							ifs++
																																																							if ifs == 54 {
																																																								ifs++
																																																								if ifs == 55 {
																																																									ifs++
																																																									if ifs == 56 {
																																																										ifs++
																																																										if ifs == 57 {
																																																											ifs++
																																																											if ifs == 58 {
																																																												ifs++
																																																												if ifs == 59 {
																																																													ifs++
																																																													if ifs == 60 {
																																																														ifs++
																																																														if ifs == 61 {
																																																															ifs++
																																																															if ifs == 62 {
																																																																ifs++
																																																																if ifs == 63 {
																																																																	ifs++
																																																																	if ifs == 64 {
																																																																		ifs++
																																																																		if ifs == 65 {
																																																																			ifs++
																																																																			if ifs == 66 {
																																																																				ifs++
																																																																				if ifs == 67 {
																																																																					ifs++
																																																																					if ifs == 68 {
																																																																						ifs++
																																																																						if ifs == 69 {
																																																																							ifs++
																																																																							if ifs == 70 {
																																																																								ifs++
																																																																								if ifs == 71 {
																																																																									ifs++
																																																																									if ifs == 72 {
																																																																										ifs++
																																																																										if ifs == 73 {
																																																																											ifs++
																																																																											if ifs == 74 {
																																																																												ifs++
																																																																												if ifs == 75 {
																																																																													ifs++
																																																																													if ifs == 76 {
																																																																														ifs++
																																																																														if ifs == 77 {
																																																																															ifs++
																																																																															if ifs == 78 {
																																																																																ifs++
																																																																																if ifs == 79 {
																																																																																	ifs++
																																																																																	if ifs == 80 {
																																																																																		ifs++
																																																																																		if ifs == 81 {
																																																																																			ifs++
																																																																																			if ifs == 82 {
																																																																																				ifs++
																																																																																				if ifs == 83 {
																																																																																					ifs++
																																																																																					if ifs == 84 {
																																																																																						ifs++
																																																																																						if ifs == 85 {
																																																																																							ifs++
																																																																																							if ifs == 86 {
																																																																																								ifs++
																																																																																								if ifs == 87 {
																																																																																									ifs++
																																																																																									if ifs == 88 {
																																																																																										ifs++
																																																																																										if ifs == 89 {
																																																																																											ifs++
																																																																																											if ifs == 90 {
																																																																																												ifs++
																																																																																												if ifs == 91 {
																																																																																													ifs++
																																																																																													if ifs == 92 {
																																																																																														ifs++
																																																																																														if ifs == 93 {
																																																																																															ifs++
																																																																																															if ifs == 94 {
																																																																																																ifs++
																																																																																																if ifs == 95 {
																																																																																																	ifs++
																																																																																																	if ifs == 96 {
																																																																																																		ifs++
																																																																																																		if ifs == 97 {
																																																																																																			ifs++
																																																																																																			if ifs == 98 {
																																																																																																				ifs++
																																																																																																				if ifs == 99 {
																																																																																																					ifs++
																																																																																																					if ifs == 100 {
																																																																																																						ifs++
																																																																																																						if ifs == 101 {
																																																																																																							ifs++
																																																																																																							if ifs == 102 {
																																																																																																								ifs++
																																																																																																								if ifs == 103 {
																																																																																																									ifs++
																																																																																																									if ifs == 104 {
																																																																																																										ifs++
																																																																																																										if ifs == 105 {
																																																																																																											ifs++
																																																																																																											if ifs == 106 {
																																																																																																												ifs++
																																																																																																												if ifs == 107 {
																																																																																																													ifs++
																																																																																																													if ifs == 108 {
																																																																																																														ifs++
																																																																																																														if ifs == 109 {
																																																																																																															ifs++
																																																																																																															if ifs == 110 {
																																																																																																																ifs++
																																																																																																																if ifs == 111 {
																																																																																																																	ifs++
																																																																																																																	if ifs == 112 {
																																																																																																																		ifs++
																																																																																																																		if ifs == 113 {
																																																																																																																			ifs++
																																																																																																																			if ifs == 114 {
																																																																																																																				ifs++
																																																																																																																				if ifs == 115 {
																																																																																																																					ifs++
																																																																																																																					if ifs == 116 {
																																																																																																																						ifs++
																																																																																																																						if ifs == 117 {
																																																																																																																							ifs++
																																																																																																																							if ifs == 118 {
																																																																																																																								ifs++
																																																																																																																								if ifs == 119 {
																																																																																																																									ifs++
																																																																																																																									if ifs == 120 {
																																																																																																																										ifs++
																																																																																																																										if ifs == 121 {
																																																																																																																											ifs++
																																																																																																																											if ifs == 122 {
																																																																																																																												ifs++
																																																																																																																												if ifs == 123 {
																																																																																																																													ifs++
																																																																																																																													if ifs == 124 {
																																																																																																																														ifs++
																																																																																																																														if ifs == 125 {
																																																																																																																															ifs++
																																																																																																																															if ifs == 126 {
																																																																																																																																ifs++
																																																																																																																																if ifs == 127 {
																																																																																																																																	ifs++
																																																																																																																																	if ifs == 128 {
																																																																																																																																		ifs++
																																																																																																																																		if ifs == 129 {
																																																																																																																																			ifs++
																																																																																																																																			if ifs == 130 {
																																																																																																																																				ifs++
																																																																																																																																				if ifs == 131 {
																																																																																																																																					ifs++
																																																																																																																																					if ifs == 132 {
																																																																																																																																						ifs++
																																																																																																																																						if ifs == 133 {
																																																																																																																																							ifs++
																																																																																																																																							if ifs == 134 {
																																																																																																																																								ifs++
																																																																																																																																								if ifs == 135 {
																																																																																																																																									ifs++
																																																																																																																																									if ifs == 136 {
																																																																																																																																										ifs++
																																																																																																																																										if ifs == 137 {
																																																																																																																																											ifs++
																																																																																																																																											if ifs == 138 {
																																																																																																																																												ifs++
																																																																																																																																												if ifs == 139 {
																																																																																																																																													ifs++
																																																																																																																																													if ifs == 140 {
																																																																																																																																														ifs++
																																																																																																																																														if ifs == 141 {
																																																																																																																																															ifs++
																																																																																																																																															if ifs == 142 {
																																																																																																																																																ifs++
																																																																																																																																																if ifs == 143 {
																																																																																																																																																	ifs++
																																																																																																																																																	if ifs == 144 {
																																																																																																																																																		ifs++
																																																																																																																																																		if ifs == 145 {
																																																																																																																																																			ifs++
																																																																																																																																																			if ifs == 146 {
																																																																																																																																																				ifs++
																																																																																																																																																				if ifs == 147 {
																																																																																																																																																					ifs++
																																																																																																																																																					if ifs == 148 {
																																																																																																																																																						ifs++
																																																																																																																																																						if ifs == 149 {
																																																																																																																																																							ifs++
																																																																																																																																																							if ifs == 150 {
																																																																																																																																																								ifs++
																																																																																																																																																								if ifs == 151 {
																																																																																																																																																									ifs++
																																																																																																																																																									if ifs == 152 {
																																																																																																																																																										ifs++
																																																																																																																																																										if ifs == 153 {
																																																																																																																																																											ifs++
																																																																																																																																																											if ifs == 154 {
																																																																																																																																																												ifs++
																																																																																																																																																												if ifs == 155 {
																																																																																																																																																													ifs++
																																																																																																																																																													if ifs == 156 {
																																																																																																																																																														ifs++
																																																																																																																																																														if ifs == 157 {
																																																																																																																																																															ifs++
																																																																																																																																																															if ifs == 158 {
																																																																																																																																																																ifs++
																																																																																																																																																																if ifs == 159 {
																																																																																																																																																																	ifs++
																																																																																																																																																																	if ifs == 160 {
																																																																																																																																																																		ifs++
																																																																																																																																																																		if ifs == 161 {
																																																																																																																																																																			ifs++
																																																																																																																																																																			if ifs == 162 {
																																																																																																																																																																				ifs++
																																																																																																																																																																				if ifs == 163 {
																																																																																																																																																																					ifs++
																																																																																																																																																																					if ifs == 164 {
																																																																																																																																																																						ifs++
																																																																																																																																																																						if ifs == 165 {
																																																																																																																																																																							ifs++
																																																																																																																																																																							if ifs == 166 {
																																																																																																																																																																								ifs++
																																																																																																																																																																								if ifs == 167 {
																																																																																																																																																																									ifs++
																																																																																																																																																																									if ifs == 168 {
																																																																																																																																																																										ifs++
																																																																																																																																																																										if ifs == 169 {
																																																																																																																																																																											ifs++
																																																																																																																																																																											if ifs == 170 {
																																																																																																																																																																												ifs++
																																																																																																																																																																												if ifs == 171 {
																																																																																																																																																																													ifs++
																																																																																																																																																																													if ifs == 172 {
																																																																																																																																																																														ifs++
																																																																																																																																																																														if ifs == 173 {
																																																																																																																																																																															ifs++
																																																																																																																																																																															if ifs == 174 {
																																																																																																																																																																																ifs++
																																																																																																																																																																																if ifs == 175 {
																																																																																																																																																																																	ifs++
																																																																																																																																																																																	if ifs == 176 {
																																																																																																																																																																																		ifs++
																																																																																																																																																																																		if ifs == 177 {
																																																																																																																																																																																			ifs++
																																																																																																																																																																																			if ifs == 178 {
																																																																																																																																																																																				ifs++
																																																																																																																																																																																				if ifs == 179 {
																																																																																																																																																																																					ifs++
																																																																																																																																																																																					if ifs == 180 {
																																																																																																																																																																																						ifs++
																																																																																																																																																																																						if ifs == 181 {
																																																																																																																																																																																							ifs++
																																																																																																																																																																																							if ifs == 182 {
																																																																																																																																																																																								ifs++
																																																																																																																																																																																								if ifs == 183 {
																																																																																																																																																																																									ifs++
																																																																																																																																																																																									if ifs == 184 {
																																																																																																																																																																																										ifs++
																																																																																																																																																																																										if ifs == 185 {
																																																																																																																																																																																											ifs++
																																																																																																																																																																																											if ifs == 186 {
																																																																																																																																																																																												ifs++
																																																																																																																																																																																												if ifs == 187 {
																																																																																																																																																																																													ifs++
																																																																																																																																																																																													if ifs == 188 {
																																																																																																																																																																																														ifs++
																																																																																																																																																																																														if ifs == 189 {
																																																																																																																																																																																															ifs++
																																																																																																																																																																																															if ifs == 190 {
																																																																																																																																																																																																ifs++
																																																																																																																																																																																																if ifs == 191 {
																																																																																																																																																																																																	ifs++
																																																																																																																																																																																																	if ifs == 192 {
																																																																																																																																																																																																		ifs++
																																																																																																																																																																																																		if ifs == 193 {
																																																																																																																																																																																																			ifs++
																																																																																																																																																																																																			if ifs == 194 {
																																																																																																																																																																																																				ifs++
																																																																																																																																																																																																				if ifs == 195 {
																																																																																																																																																																																																					ifs++
																																																																																																																																																																																																					if ifs == 196 {
																																																																																																																																																																																																						ifs++
																																																																																																																																																																																																						if ifs == 197 {
																																																																																																																																																																																																							ifs++
																																																																																																																																																																																																							if ifs == 198 {
																																																																																																																																																																																																								ifs++
																																																																																																																																																																																																								if ifs == 199 {
																																																																																																																																																																																																									ifs++
																																																																																																																																																																																																								}
																																																																																																																																																																																																							}
																																																																																																																																																																																																						}
																																																																																																																																																																																																					}
																																																																																																																																																																																																				}
																																																																																																																																																																																																			}
																																																																																																																																																																																																		}
																																																																																																																																																																																																	}
																																																																																																																																																																																																}
																																																																																																																																																																																															}
																																																																																																																																																																																														}
																																																																																																																																																																																													}
																																																																																																																																																																																												}
																																																																																																																																																																																											}
																																																																																																																																																																																										}
																																																																																																																																																																																									}
																																																																																																																																																																																								}
																																																																																																																																																																																							}
																																																																																																																																																																																						}
																																																																																																																																																																																					}
																																																																																																																																																																																				}
																																																																																																																																																																																			}
																																																																																																																																																																																		}
																																																																																																																																																																																	}
																																																																																																																																																																																}
																																																																																																																																																																															}
																																																																																																																																																																														}
																																																																																																																																																																													}
																																																																																																																																																																												}
																																																																																																																																																																											}
																																																																																																																																																																										}
																																																																																																																																																																									}
																																																																																																																																																																								}
																																																																																																																																																																							}
																																																																																																																																																																						}
																																																																																																																																																																					}
																																																																																																																																																																				}
																																																																																																																																																																			}
																																																																																																																																																																		}
																																																																																																																																																																	}
																																																																																																																																																																}
																																																																																																																																																															}
																																																																																																																																																														}
																																																																																																																																																													}
																																																																																																																																																												}
																																																																																																																																																											}
																																																																																																																																																										}
																																																																																																																																																									}
																																																																																																																																																								}
																																																																																																																																																							}
																																																																																																																																																						}
																																																																																																																																																					}
																																																																																																																																																				}
																																																																																																																																																			}
																																																																																																																																																		}
																																																																																																																																																	}
																																																																																																																																																}
																																																																																																																																															}
																																																																																																																																														}
																																																																																																																																													}
																																																																																																																																												}
																																																																																																																																											}
																																																																																																																																										}
																																																																																																																																									}
																																																																																																																																								}
																																																																																																																																							}
																																																																																																																																						}
																																																																																																																																					}
																																																																																																																																				}
																																																																																																																																			}
																																																																																																																																		}
																																																																																																																																	}
																																																																																																																																}
																																																																																																																															}
																																																																																																																														}
																																																																																																																													}
																																																																																																																												}
																																																																																																																											}
																																																																																																																										}
																																																																																																																									}
																																																																																																																								}
																																																																																																																							}
																																																																																																																						}
																																																																																																																					}
																																																																																																																				}
																																																																																																																			}
																																																																																																																		}
																																																																																																																	}
																																																																																																																}
																																																																																																															}
																																																																																																														}
																																																																																																													}
																																																																																																												}
																																																																																																											}
																																																																																																										}
																																																																																																									}
																																																																																																								}
																																																																																																							}
																																																																																																						}
																																																																																																					}
																																																																																																				}
																																																																																																			}
																																																																																																		}
																																																																																																	}
																																																																																																}
																																																																																															}
																																																																																														}
																																																																																													}
																																																																																												}
																																																																																											}
																																																																																										}
																																																																																									}
																																																																																								}
																																																																																							}
																																																																																						}
																																																																																					}
																																																																																				}
																																																																																			}
																																																																																		}
																																																																																	}
																																																																																}
																																																																															}
																																																																														}
																																																																													}
																																																																												}
																																																																											}
																																																																										}
																																																																									}
																																																																								}
																																																																							}
																																																																						}
																																																																					}
																																																																				}
																																																																			}
																																																																		}
																																																																	}
																																																																}
																																																															}
																																																														}
																																																													}
																																																												}
																																																											}
																																																										}
																																																									}
																																																								}
																																																							}
																																																						}
																																																					}
																																																				}
																																																			}
																																																		}
																																																	}
																																																}
																																															}
																																														}
																																													}
																																												}
																																											}
																																										}
																																									}
																																								}
																																							}
																																						}
																																					}
																																				}
																																			}
																																		}
																																	}
																																}
																															}
																														}
																													}
																												}
																											}
																										}
																									}
																								}
																							}
																						}
																					}
																				}
																			}
																		}
																	}
																}
															}
														}
													}
												}
											}
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
	fmt.Println("ifs:", ifs)
	f := func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + func() int { return 1 + 0 }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }() }()
	fmt.Println("function literals:", f)
	fmt.Println(classify(0), classify(7), classify(299), classify(300))
}
