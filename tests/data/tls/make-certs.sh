#!/usr/bin/env bash
# Regenerates the TLS test certificates in this folder with the openssl command line tool.
# They are committed, so the tests need no openssl CLI; run this only to change or renew them:
#     tests/data/tls/make-certs.sh
#
#   ca.pem             "Verify Desk Test CA", the CA a profile's extra CA file would name
#   server.pem         signed by ca.pem for localhost, 127.0.0.1 and ::1       (valid 2024-2124)
#   wrong-host.pem     signed by ca.pem for zitadel.other.test only             (valid 2024-2124)
#   expired.pem        signed by ca.pem for localhost, 127.0.0.1               (valid 2000-2001)
#   not-yet-valid.pem  signed by ca.pem for localhost, 127.0.0.1               (valid 2100-2200)
#   self-signed.pem    signed by its own key for localhost, 127.0.0.1          (valid 2024-2124)
#   other-ca.pem       a second CA that signed none of the above               (valid 2024-2124)
#   server.key         the one private key behind every server certificate
#
# All keys are test keys for loopback servers and protect nothing. The CA keys are thrown
# away after signing. Dates are explicit (openssl ca -startdate/-enddate) so that the expired
# and the not-yet-valid certificate stay what they are whenever this runs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

longStart=20240101000000Z
longEnd=21240101000000Z

# A CA: self-signed through `openssl ca -selfsign` so its dates are explicit as well.
make_ca() { # name subject
    local name=$1 subject=$2
    mkdir -p "$name.db"
    : >"$name.db/index.txt"
    echo 1000 >"$name.db/serial"
    cat >"$name.cnf" <<CNF
[ca]
default_ca = this_ca
[this_ca]
dir = $work/$name.db
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir
certificate = $work/$name.pem
private_key = $work/$name.key
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
organizationName = optional
[ca_ext]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = \$ENV::VD_SAN
CNF
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$name.key" 2>/dev/null
    openssl req -new -key "$name.key" -subj "$subject" -out "$name.csr"
    VD_SAN=DNS:unused openssl ca -batch -notext -config "$name.cnf" -selfsign -keyfile "$name.key" \
        -extensions ca_ext -startdate $longStart -enddate $longEnd -in "$name.csr" -out "$name.pem" 2>/dev/null
}

# A server certificate signed by CA `ca` for the subjectAltName `san`, between two dates.
sign_server() { # ca out commonName san start end
    local ca=$1 out=$2 cn=$3 san=$4 start=$5 end=$6
    openssl req -new -key server.key -subj "/O=Verify Desk tests/CN=$cn" -out "$out.csr"
    VD_SAN=$san openssl ca -batch -notext -config "$ca.cnf" -extensions server_ext \
        -startdate "$start" -enddate "$end" -in "$out.csr" -out "$out.pem" 2>/dev/null
}

make_ca ca "/O=Verify Desk tests/CN=Verify Desk Test CA"
make_ca other-ca "/O=Verify Desk tests/CN=Verify Desk Other Test CA"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out server.key 2>/dev/null

loopback="DNS:localhost,IP:127.0.0.1,IP:::1"
sign_server ca server localhost "$loopback" $longStart $longEnd
sign_server ca wrong-host zitadel.other.test "DNS:zitadel.other.test" $longStart $longEnd
sign_server ca expired localhost "$loopback" 20000101000000Z 20010101000000Z
sign_server ca not-yet-valid localhost "$loopback" 21000101000000Z 22000101000000Z
# Self-signed: the server key signs its own certificate.
VD_SAN=$loopback openssl req -new -key server.key -subj "/O=Verify Desk tests/CN=localhost" -out self-signed.csr
cp ca.cnf self.cnf
sed -i "s|^certificate = .*|certificate = $work/self-signed.pem|; s|^private_key = .*|private_key = $work/server.key|" self.cnf
VD_SAN=$loopback openssl ca -batch -notext -config self.cnf -selfsign -keyfile server.key -extensions server_ext \
    -startdate $longStart -enddate $longEnd -in self-signed.csr -out self-signed.pem 2>/dev/null

for f in ca.pem other-ca.pem server.pem wrong-host.pem expired.pem not-yet-valid.pem self-signed.pem; do
    cp "$f" "$here/$f"
done
cp server.key "$here/server.key"
echo "Wrote $(cd "$here" && ls ./*.pem server.key | tr '\n' ' ')"
