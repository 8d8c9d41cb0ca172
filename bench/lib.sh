# Shared by the scripts in bench/: source it after `cd` to the repository root.

# Prints the packaged application's jar, building it first when it is missing or older than the sources.
product_jar() {
  local jar
  jar=$(ls target/centra-bff-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f | head -1)" ]; then
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2
    jar=$(ls target/centra-bff-*.jar | grep -v original | head -1)
  fi
  echo "$jar"
}

# Builds bench/baseline (the bare framework: a Spring MVC controller and a WebClient relay) in DIR with the product's
# Spring Boot and Netty versions, and prints its jar.
baseline_jar() {
  local dir=$1 boot netty
  boot=$(sed -n '/<artifactId>spring-boot-starter-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p}' pom.xml)
  netty=$(sed -n 's/.*<netty.version>\(.*\)<\/netty.version>.*/\1/p' pom.xml)
  cp -r bench/baseline "$dir/baseline"
  sed -i -e "s/BOOT_VERSION/$boot/" -e "s/NETTY_VERSION/$netty/" "$dir/baseline/pom.xml"
  echo "Building the bare Spring MVC baseline (Spring Boot $boot, Netty $netty)" >&2
  ./mvnw -q -B -f "$dir/baseline/pom.xml" -DskipTests package >&2
  echo "$dir/baseline/target/bare-mvc.jar"
}
